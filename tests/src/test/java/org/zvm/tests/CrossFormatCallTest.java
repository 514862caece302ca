// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.zvm.runtime.Address;
import org.zvm.runtime.InteropRecord;
import org.zvm.runtime.Transaction;
import org.zvm.runtime.UInt256;

/**
 * Native ZVM and EVM contracts share one world and call each other: each format's CALL loads the other's
 * code by its bytes (a ZVMC container is native, the rest EVM) and runs it with the same message rules.
 */
class CrossFormatCallTest extends InContextTest {
    private static final Address NATIVE = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address EVM = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Address CALLER = Address.fromHex("0x00000000000000000000000000000000000000c0");



    private UInt256 slot0After(Address entry) {
        InteropRecord r = Transaction.run(context, entry, context.load(context.state().getCode(entry)), new byte[0], 1_000_000, UInt256.ZERO, CALLER, true);
        assertEquals("success", r.get("status"), r.get("json").toString());
        context.state().beginTransaction();
        return context.state().getStorage(entry, UInt256.ZERO);
    }

    @Test
    void evmCallsNative() {
        deploy(NATIVE, nativeContainer("PUSH1 42\nPUSH1 0\nMSTORE\nPUSH1 32\nPUSH1 0\nRETURN\n"));
        // CALL(gas, NATIVE, 0, 0, 0, 0, 32); POP; SSTORE(0, MLOAD(0))
        deploy(EVM, HexFormat.of().parseHex("60206000600060006000" + "73" + NATIVE.toHex().substring(2) + "5af150" + "600051600055" + "00"));
        assertEquals(UInt256.of(42), slot0After(EVM));
    }

    @Test
    void nativeCallsEvm() {
        deploy(EVM, HexFormat.of().parseHex("600760005260206000f3"));
        deploy(NATIVE, nativeContainer("PUSH1 32\nPUSH1 0\nPUSH1 0\nPUSH1 0\nPUSH1 0\nPUSH32 " + EVM.toWord().toHexQuantity()
                        + "\nGAS\nCALL\nPOP\nPUSH1 0\nMLOAD\nPUSH1 0\nSSTORE\nHALT\n"));
        assertEquals(UInt256.of(7), slot0After(NATIVE));
    }
}
