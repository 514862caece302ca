// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.zvm.opcode.Opcode;
import org.zvm.tools.ProjectDir;

/** docs/hedera.md keeps up with the code: every Hedera opcode, event and response code appears in it. */
class HederaDocsTest {
    @Test
    void docsNameEveryOpcodeEventAndCode() throws IOException {
        String doc = Files.readString(ProjectDir.get().resolve("docs/hedera.md"));
        for (Opcode op : Opcode.values()) {
            if (op.category == Opcode.Category.HEDERA) {
                assertTrue(doc.contains(String.format("| 0x%02X | %s |", op.code, op.mnemonic())), op.mnemonic());
            }
        }
        for (Syscall s : Syscall.values()) {
            assertTrue(doc.contains("`" + s.event.name() + "("), s.event.name());
        }
        for (ResponseCode c : ResponseCode.values()) {
            assertTrue(doc.contains(c.name() + " " + c.code), c.name());
        }
    }
}
