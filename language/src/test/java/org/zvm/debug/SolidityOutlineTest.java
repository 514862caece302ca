// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.debug.SolidityOutline.Definition;

/** The lexical scan that finds Solidity definitions and their byte ranges, as solc counts them. */
class SolidityOutlineTest {
    private static final String SOURCE = """
                    // SPDX-License-Identifier: Apache-2.0 — a comment with "function commented() {}"
                    abstract contract Base { function hook() internal virtual; }
                    /* contract Hidden { } */
                    contract A is Base {
                        string s = "function nope() { }";
                        modifier only(uint256 v) { require(v > 0, "} no"); _; }
                        function f(function (uint256) external returns (uint256) cb) external only(1) { if (true) { cb; } }
                        function hook() internal override {}
                        constructor() payable {}
                        receive() external payable {}
                        fallback() external { }
                    }
                    """;

    @Test
    void definitionsWithTheirRanges() {
        byte[] text = SOURCE.getBytes(StandardCharsets.UTF_8);
        List<Definition> found = SolidityOutline.scan(text, 2);
        assertEquals(List.of("Base", "hook", "A", "only", "f", "hook", "constructor", "receive", "fallback"), found.stream().map(Definition::name).toList());
        assertEquals(List.of(true, false, true, false, false, false, false, false, false), found.stream().map(Definition::contract).toList());
        assertEquals("abstract contract Base { function hook() internal virtual; }", range(text, found.get(0)));
        assertEquals("function hook() internal virtual;", range(text, found.get(1)), "a declaration ends at its semicolon");
        assertEquals("modifier only(uint256 v) { require(v > 0, \"} no\"); _; }", range(text, found.get(3)), "a brace in a string is no brace");
        assertEquals("function f(function (uint256) external returns (uint256) cb) external only(1) { if (true) { cb; } }", range(text, found.get(4)),
                        "a function type parameter is no definition; nested braces match");
        assertEquals("fallback() external { }", range(text, found.get(8)));
        assertEquals(2, found.get(4).file());
        String a = range(text, found.get(2));
        assertEquals(true, a.startsWith("contract A is Base {") && a.endsWith("fallback() external { }\n}"), a);
    }

    /** UTF-8 offsets, as solc's source map counts: a multi-byte character before a definition moves it by its bytes. */
    @Test
    void byteOffsets() {
        byte[] text = "// é\ncontract C {}".getBytes(StandardCharsets.UTF_8);
        Definition c = SolidityOutline.scan(text, 0).getFirst();
        assertEquals(6, c.start());
        assertEquals(text.length, c.end());
    }

    private static String range(byte[] text, Definition d) {
        return new String(text, d.start(), d.end() - d.start(), StandardCharsets.UTF_8);
    }
}
