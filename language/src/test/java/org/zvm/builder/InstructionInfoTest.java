// SPDX-License-Identifier: Apache-2.0
package org.zvm.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstructionInfoTest {
    @Test
    void invalidBytesAreNamedByTwoUpperCaseDigits() {
        assertEquals("INVALID_0x0C", InstructionInfo.invalidMnemonic(0x0c));
        assertEquals("INVALID_0xFE", InstructionInfo.invalidMnemonic(0xfe));
    }
}
