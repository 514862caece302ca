// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher pieces that need no language: help, version line, and how sources are built. */
class ZvmLauncherTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndOption() {
        String help = ZvmLauncher.helpText();
        for (Command c : Command.values()) {
            assertTrue(help.contains("  " + c.word), c.word);
        }
        for (Option o : Option.values()) {
            for (String name : o.names) {
                assertTrue(help.contains(name), name);
            }
        }
        assertTrue(help.contains("--version"));
        assertTrue(help.contains("Exit status: 0 success, 1 revert or exceptional halt, 2 bad input or usage"));
    }

    @Test
    void versionLine() {
        String line = ZvmLauncher.versionLine("GraalVM CE", "25.0.3");
        assertTrue(line.startsWith("zvm 0.1.0 (engine: GraalVM CE 25.0.3, Java "), line);
    }

    @Test
    void binarySourceCarriesBytesAndMimeType() throws Exception {
        Path file = Files.write(dir.resolve("c.zvm"), new byte[]{0x11, 0x01, 0x00});
        Source s = ZvmLauncher.source(file, Format.ZVM);
        assertEquals("zvm", s.getLanguage());
        assertEquals("application/x-zvm-native", s.getMimeType());
        assertTrue(s.hasBytes());
        assertArrayEquals(new byte[]{0x11, 0x01, 0x00}, s.getBytes().toByteArray());
        assertEquals("c.zvm", s.getName());
    }

    @Test
    void textSourceIsStrictUtf8() throws Exception {
        Path file = Files.writeString(dir.resolve("p.zasm"), "PUSH1 1 ; é\nHALT\n");
        Source s = ZvmLauncher.source(file, Format.ZASM);
        assertEquals("text/x-zasm", s.getMimeType());
        assertFalse(s.hasBytes());
        assertEquals("PUSH1 1 ; é\nHALT\n", s.getCharacters().toString());

        Path bad = Files.write(dir.resolve("bad.zasm"), new byte[]{'H', (byte) 0xff});
        UsageException e = assertThrows(UsageException.class, () -> ZvmLauncher.source(bad, Format.ZASM));
        assertEquals(bad + ": not UTF-8 text", e.getMessage());
    }

    @Test
    void unreadableFileIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> ZvmLauncher.read(dir.resolve("gone.zvm")));
        assertEquals(dir.resolve("gone.zvm") + ": cannot read: no such file or directory", e.getMessage());
    }
}
