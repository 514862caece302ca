// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.zvm.abi.AbiCodec;
import org.zvm.abi.AbiException;
import org.zvm.abi.AbiFunction;
import org.zvm.abi.AbiText;
import org.zvm.abi.AbiType.Tuple;
import org.zvm.error.ZvmParseException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The signature parser and the ABI decoder on arbitrary input: byte 0 gives the length of a signature
 * ({@code f(uint8[],(bytes,string))}), the rest is data decoded as its parameters. Errors are
 * {@link AbiException} or {@link ZvmParseException}; what decodes encodes again to data that decodes
 * to the same values.
 */
class AbiFuzzTest {
    @FuzzTest
    void abiDecoder(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int signatureEnd = Math.min(input.length, 1 + (input[0] & 0xFF));
        Tuple types;
        List<Object> values;
        try {
            types = AbiFunction.parse(new String(input, 1, signatureEnd - 1, StandardCharsets.UTF_8)).inputs();
            values = AbiCodec.decode(types, Arrays.copyOfRange(input, signatureEnd, input.length));
        } catch (AbiException | ZvmParseException e) {
            return;
        }
        String text = AbiText.format(types, values);
        assertEquals(text, AbiText.format(types, AbiCodec.decode(types, AbiCodec.encode(types, values))), "decode(encode(decoded)) gives the decoded values");
    }
}
