// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zvm.error.HaltReason;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Opcode;
import org.zvm.util.Json;

/** The committed {@code docs/reference/} pages must equal what the generators produce now. */
class ReferenceDocsTest {
    @Test
    void committedDocsAreCurrent() throws IOException {
        Path dir = ProjectDir.get().resolve("docs/reference");
        for (Map.Entry<String, String> e : ReferenceDocs.generate().entrySet()) {
            Path file = dir.resolve(e.getKey());
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (!e.getValue().equals(committed)) {
                fail("docs/reference/" + e.getKey() + " is stale: run " + ReferenceDocs.REGENERATE_COMMAND);
            }
        }
    }

    @Test
    void everyPageSaysItIsGenerated() {
        ReferenceDocs.generate().forEach((name, text) -> assertTrue(text.contains("do not edit; run `" + ReferenceDocs.REGENERATE_COMMAND + "`"), name));
        assertTrue(OpcodeDocGenerator.generate().startsWith("Generated from org.zvm.opcode.Opcode — do not edit"));
    }

    @Test
    void opcodePageHasEveryOpcodeInItsCategory() {
        String md = OpcodeDocGenerator.generate();
        for (Opcode op : Opcode.values()) {
            assertTrue(md.contains(String.format("| 0x%02X | %s |", op.code, op.mnemonic())), op.mnemonic());
        }
        assertTrue(md.contains("| 0x39 | EXP | 0 | 2 | 1 | 10 + dynamic | "));
        assertTrue(md.contains("| 0xCA | GAS | 0 | 0 | 1 | 2 | "));
        assertTrue(md.contains("bitwise a \\| b"), "pipes in summaries are escaped");
        assertTrue(md.indexOf("## Control") < md.indexOf("## Stack") && md.indexOf("## Stack") < md.indexOf("## Logs"));
    }

    @Test
    void gasScheduleIsJsonWithEveryOpcodeAndConstant() {
        Map<?, ?> root = (Map<?, ?>) Json.parse(GasScheduleExporter.generate());
        List<?> ops = (List<?>) root.get("opcodes");
        assertEquals(Opcode.values().length, ops.size());
        Map<?, ?> sstore = (Map<?, ?>) ops.stream().filter(o -> ((Map<?, ?>) o).get("mnemonic").equals("SSTORE")).findFirst().orElseThrow();
        assertEquals(BigInteger.valueOf(0x91), sstore.get("byte"));
        assertEquals(BigInteger.valueOf(100), sstore.get("baseGas"));
        assertEquals(Boolean.TRUE, sstore.get("dynamic"));
        Map<?, ?> dynamic = (Map<?, ?>) root.get("dynamic");
        Map<?, ?> constants = (Map<?, ?>) dynamic.get("constants");
        assertEquals(BigInteger.valueOf(GasCosts.COLD_SLOAD), constants.get("COLD_SLOAD"));
        assertEquals(BigInteger.valueOf(GasCosts.MEMORY_QUAD_DIVISOR), constants.get("MEMORY_QUAD_DIVISOR"));
        Map<?, ?> memoryCost = (Map<?, ?>) ((Map<?, ?>) dynamic.get("formulas")).get("memoryCost");
        assertEquals("((3 * words) + ((words * words) / 512))", memoryCost.get("text"));
        assertEquals(Json.parse("[\"+\", [\"*\", 3, \"words\"], [\"/\", [\"*\", \"words\", \"words\"], 512]]"), memoryCost.get("expr"));
    }

    @Test
    void errorPageListsEveryHaltReason() {
        String md = ErrorDocGenerator.generate();
        for (HaltReason r : HaltReason.values()) {
            assertTrue(md.contains("| `" + r.id() + "` | "), r.id());
        }
        assertTrue(md.contains("| `out_of_gas` | exceptional_halt | out of gas | yes |"));
    }
}
