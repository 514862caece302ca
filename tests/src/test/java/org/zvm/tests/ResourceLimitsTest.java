// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.runtime.CodeFormat;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.Transaction;
import org.zvm.runtime.UInt256;

/**
 * Hostile programs stay inside the limits the protocol sets: every loop ends when gas does, a huge
 * memory offset or size is out of gas (never an OutOfMemoryError or an exception), calls stop at depth
 * 1024, and the code and init-code size limits hold. Each failing frame consumes exactly its gas and
 * leaves no storage behind.
 */
class ResourceLimitsTest extends InContextTest {
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000000c0");
    private static final long GAS = 1_000_000;
    /** Offsets and sizes from just past 32 bits to the largest word. */
    private static final List<BigInteger> HUGE = List.of(BigInteger.ONE.shiftLeft(32), BigInteger.ONE.shiftLeft(40), BigInteger.ONE.shiftLeft(63),
                    BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));

    private InteropRecord call(byte[] accountCode, byte[] calldata, long gas) {
        deploy(CONTRACT, accountCode);
        return Transaction.run(context, CONTRACT, context.load(accountCode), calldata, gas, UInt256.ZERO, CALLER, true);
    }

    private static byte[] evm(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String push32(BigInteger v) {
        return "7f" + String.format("%064x", v);
    }

    private static void assertOutOfGas(InteropRecord r, String what) {
        assertEquals("halt", r.get("status"), what + ": " + r.get("json"));
        assertEquals(GAS, ((Number) r.get("gasUsed")).longValue(), what + ": an exceptional halt consumes all gas");
    }

    @Test
    void endlessLoopsEndWhenGasDoes() {
        InteropRecord evm = call(evm("5b600056"), new byte[0], GAS);
        assertOutOfGas(evm, "EVM JUMPDEST; PUSH1 0; JUMP");
        assertEquals("out_of_gas", evm.get("reason"));
        InteropRecord zvm = call(nativeContainer("top:\n    PUSH1 top\n    JUMP\n"), new byte[0], GAS);
        assertOutOfGas(zvm, "native jump to itself");
        assertEquals("out_of_gas", zvm.get("reason"));
    }

    @Test
    void hugeMemoryOffsetsAndSizesAreOutOfGas() {
        for (BigInteger x : HUGE) {
            String p = push32(x);
            // Each program puts the huge value where the opcode reads an offset or a size.
            List<String[]> programs = List.of(
                            new String[]{"MLOAD offset", p + "51"},
                            new String[]{"MSTORE offset", "6001" + p + "52"},
                            new String[]{"MSTORE8 offset", "6001" + p + "53"},
                            new String[]{"CALLDATACOPY size", p + "60006000" + "37"},
                            new String[]{"CALLDATACOPY destination", "60016000" + p + "37"},
                            new String[]{"CODECOPY size", p + "60006000" + "39"},
                            new String[]{"EXTCODECOPY size", p + "60006000" + "30" + "3c"},
                            new String[]{"MCOPY length", p + "60006000" + "5e"},
                            new String[]{"KECCAK256 size", p + "6000" + "20"},
                            new String[]{"LOG0 size", p + "6000" + "a0"},
                            new String[]{"RETURN size", p + "6000" + "f3"},
                            new String[]{"REVERT offset", "6001" + p + "fd"},
                            new String[]{"CREATE size", p + "60006000" + "f0"},
                            new String[]{"CALL return size", p + "6000600060006000" + "6004" + "5a" + "f1"},
                            new String[]{"STATICCALL argument offset", "60006000" + "6001" + p + "6004" + "5a" + "fa"});
            for (String[] program : programs) {
                InteropRecord r = call(evm(program[1]), new byte[0], GAS);
                assertOutOfGas(r, program[0] + " " + x.toString(16));
            }
        }
    }

    @Test
    void nativeMemoryOffsetsAreBoundedByGas() {
        for (BigInteger x : HUGE) {
            assertOutOfGas(call(nativeContainer("PUSH32 0x" + x.toString(16) + "\nMLOAD\nHALT\n"), new byte[0], GAS), "native MLOAD " + x.toString(16));
        }
    }

    @Test
    void callDepthStopsAt1024() {
        // slot0 += 1; CALL(GAS, ADDRESS, 0, 0, 0, 0, 0); STOP. Frames at depths 0..1024 run, the call
        // from depth 1024 fails. The 63/64 rule leaves about 1e-7 of the gas at depth 1024, so start with 1e12.
        InteropRecord r = call(evm("600054600101600055" + "6000600060006000600030" + "5af1" + "5000"), new byte[0], 1_000_000_000_000L);
        assertEquals("success", r.get("status"), r.get("json").toString());
        context.state().beginTransaction();
        assertEquals(UInt256.of(1025), context.state().getStorage(CONTRACT, UInt256.ZERO));
        context.state().finishTransaction();
    }

    @Test
    void codeSizeLimitsHold() {
        // Init code returning N zero bytes: PUSH3 N; PUSH1 0; RETURN.
        InteropRecord atLimit = create(evm(String.format("62%06x6000f3", 24_576)));
        assertEquals("success", atLimit.get("status"), atLimit.get("json").toString());
        InteropRecord above = create(evm(String.format("62%06x6000f3", 24_577)));
        assertEquals("halt", above.get("status"), above.get("json").toString());
        assertEquals("code_size_exceeded", above.get("reason"));
        InteropRecord initCode = create(new byte[49_153]);
        assertEquals("halt", initCode.get("status"), initCode.get("json").toString());
        assertEquals("initcode_size_exceeded", initCode.get("reason"));
    }

    private InteropRecord create(byte[] initCode) {
        return Transaction.create(context, context.loadInitCode(CodeFormat.EVM, initCode), 30_000_000, UInt256.ZERO, CALLER, false);
    }

    @Test
    void hugeCalldataIsReadWhole() {
        byte[] calldata = new byte[4 << 20];
        calldata[calldata.length - 1] = 7;
        // RETURN(CALLDATASIZE as a word, then the last calldata word).
        InteropRecord r = call(evm("3660005260203603356020526040" + "6000f3"), calldata, GAS);
        assertEquals("success", r.get("status"), r.get("json").toString());
        assertEquals("0x" + String.format("%064x", calldata.length) + String.format("%064x", 7), r.get("output"));
    }
}
