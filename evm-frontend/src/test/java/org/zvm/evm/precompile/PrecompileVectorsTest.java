// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zvm.evm.Fork;
import org.zvm.runtime.Address;
import org.zvm.util.Json;

/**
 * Known-answer vectors (most from go-ethereum's precompile test data, which carry the EIP authors'
 * vectors): each checks the output or the failure, and the gas the fork charges.
 */
class PrecompileVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicContainer> vectors() {
        return Stream.of(
                file("ecRecover.json", 0x01, Fork.ISTANBUL, "Gas"),
                file("modexp.json", 0x05, Fork.ISTANBUL, "Gas"),
                file("modexp.json", 0x05, Fork.BERLIN, "GasEip2565"),
                file("bn256Add.json", 0x06, Fork.ISTANBUL, "Gas"),
                file("bn256ScalarMul.json", 0x07, Fork.ISTANBUL, "Gas"),
                file("bn256Pairing.json", 0x08, Fork.ISTANBUL, "Gas"),
                file("fail-bn256.json", 0, Fork.ISTANBUL, null),
                file("blake2F.json", 0x09, Fork.ISTANBUL, "Gas"),
                file("fail-blake2f.json", 0x09, Fork.ISTANBUL, null),
                file("pointEvaluation.json", 0x0a, Fork.CANCUN, "Gas"),
                file("fail-pointEvaluation.json", 0x0a, Fork.CANCUN, null));
    }

    /**
     * One test per entry of a file: Input, then Expected output or ExpectedError (any failure), and the gas
     * under {@code gasKey} when given. An entry's own Address overrides {@code address}.
     */
    @SuppressWarnings("unchecked")
    private static DynamicContainer file(String file, int address, Fork fork, String gasKey) {
        List<Object> entries = (List<Object>) Json.parse(resource(file));
        return DynamicContainer.dynamicContainer(file + " at " + fork, entries.stream()
                .map(e -> (Map<String, Object>) e)
                .map(v -> DynamicTest.dynamicTest((String) v.get("Name"), () -> check(v, address, fork, gasKey))));
    }

    private static void check(Map<String, Object> v, int address, Fork fork, String gasKey) throws PrecompileFailure {
        int at = v.containsKey("Address") ? ((Number) v.get("Address")).intValue() : address;
        Precompile p = Precompiles.get(Address.fromHex(Integer.toHexString(at)), fork);
        byte[] input = HEX.parseHex((String) v.get("Input"));
        if (gasKey != null) {
            assertEquals(((Number) v.get(gasKey)).longValue(), p.gas(input), "gas");
        }
        if (v.containsKey("ExpectedError")) {
            assertThrows(PrecompileFailure.class, () -> p.run(input));
        } else {
            assertEquals(v.get("Expected"), HEX.formatHex(p.run(input)));
        }
    }

    private static String resource(String file) {
        try (InputStream in = PrecompileVectorsTest.class.getResourceAsStream("/precompiles/" + file)) {
            assertTrue(in != null, "missing vector file " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
