// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.nio.file.Path;

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
     * EVM code from a file: a {@code .evm} file is the code itself, any other file (solc's {@code .bin}) is hex text. Guessing
     * from the content would run a typo'd hex file as binary garbage, so the extension decides.
     */
    static byte[] evmCode(Path file, byte[] content) throws UsageException {
        boolean binary = file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(Format.EVM.extension);
        return binary ? content : hexCode(file, content);
    }

    /**
     * The code a text file of hex digits spells (0x optional, whitespace ignored); anything else is a
     * one-line error naming the file and the offending byte's offset.
     */
    static byte[] hexCode(Path file, byte[] content) throws UsageException {
        try {
            return Hex.code(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(file + ": " + e.getMessage() + (e.getMessage().startsWith("not a hex digit") ? " (a binary EVM file needs the .evm extension)" : ""));
        }
    }

    /** A listing of EVM code under the given fork. */
    static String disassembleEvm(byte[] code, String fork) {
        return new EvmCode(code, Fork.named(fork)).listing().text();
    }

    /** Native code in a ZVMC container with its ABI JSON (empty for none). */
    static byte[] wrapContainer(byte[] code, String abiJson) {
        return ZvmContainer.of(ZvmContainer.Target.NATIVE, code, abiJson).write();
    }
}
