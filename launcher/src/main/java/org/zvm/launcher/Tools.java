// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.nio.charset.StandardCharsets;

import org.zvm.container.ZvmContainer;
import org.zvm.evm.EvmCode;
import org.zvm.evm.Fork;
import org.zvm.tools.Assembler;
import org.zvm.tools.Disassembler;
import org.zvm.tools.GasScheduleExporter;
import org.zvm.tools.OpcodeDocGenerator;
import org.zvm.util.Hex;

/**
 * The launcher's only calls into the language module's plain-Java tools (no Truffle, no engine), kept in one
 * place so their signatures can change without touching the command code. Input errors from the tools are
 * {@link org.zvm.error.ZvmParseException}, whose one-line message the launcher prints.
 */
final class Tools {
    private Tools() {
    }

    /** zasm text to native code bytes; {@code name} appears in error messages ("name:line: ..."). */
    static byte[] assemble(String text, String name) {
        return Assembler.assemble(text, name).code();
    }

    /** A listing of native code, given raw or inside a ZVMC container. */
    static String disassemble(byte[] codeOrContainer) {
        byte[] code = ZvmContainer.looksLikeContainer(codeOrContainer) ? ZvmContainer.read(codeOrContainer).code() : codeOrContainer;
        return Disassembler.disassemble(code);
    }

    /** The native gas schedule as the Markdown reference table, or as JSON for external tools. */
    static String gasSchedule(boolean json) {
        return json ? GasScheduleExporter.generate() : OpcodeDocGenerator.generate();
    }

    /**
     * EVM code from a file: a text file of hex digits (0x optional, whitespace ignored) is decoded, any
     * other content is the code itself.
     */
    static byte[] evmCode(byte[] file) {
        byte[] decoded = hexCode(file);
        return decoded != null ? decoded : file;
    }

    /** The code a text file of hex digits (0x optional, whitespace ignored) spells, or null when it is not one. */
    static byte[] hexCode(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1).strip();
        String digits = Hex.strip(text).replaceAll("\\s+", "");
        if (!digits.isEmpty() && digits.length() % 2 == 0 && Arguments.isHex(digits)) {
            return Hex.bytes(digits);
        }
        return null;
    }

    /** A listing of EVM code under the given fork. */
    static String disassembleEvm(byte[] code, String fork) {
        return new EvmCode(code, Fork.named(fork)).listing().text();
    }

    /** Native code in a ZVMC container with an empty ABI. */
    static byte[] wrapContainer(byte[] code) {
        return ZvmContainer.of(ZvmContainer.Target.NATIVE, code, "").write();
    }
}
