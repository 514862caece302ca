// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The input formats the launcher knows: the name {@code --format} takes, the file extension that implies it,
 * and the MIME type it sets on the source. The launcher always sets the MIME type itself instead of relying on
 * the language's file-type detector, so a file's meaning never depends on what else is installed. A new
 * frontend (EVM bytecode, WASM) is one more row.
 */
enum Format {
    // @formatter:off
    //      name    extension  MIME type                        binary
    ZVMC   ("zvmc", ".zvmc",   "application/x-zvm-container",   true),
    ZASM   ("zasm", ".zasm",   "text/x-zasm",                   false),
    ZVM    ("zvm",  ".zvm",    "application/x-zvm-native",      true),
    /**
     * EVM code: raw bytes in a {@code .evm} file; hex text (0x optional, whitespace ignored) in a {@code .bin}
     * file (solc's {@code --bin}) or, with {@code --format evm}, any other file.
     */
    EVM    ("evm",  ".evm",    "application/x-evm",             true),
    /** A WebAssembly binary module, run with {@code --invoke EXPORT}. */
    WASM   ("wasm", ".wasm",   "application/wasm",              true);
    // @formatter:on

    /** The extension of EVM code as hex text, as solc writes it. */
    static final String EVM_HEX_EXTENSION = ".bin";

    final String id;
    final String extension;
    final String mimeType;
    /** Binary sources are handed to the engine as bytes, text sources as a UTF-8 string. */
    final boolean binary;

    Format(String id, String extension, String mimeType, boolean binary) {
        this.id = id;
        this.extension = extension;
        this.mimeType = mimeType;
        this.binary = binary;
    }

    /** The format named by {@code --format}, or null. */
    static Format byId(String id) {
        for (Format f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** The format implied by the file name's extension (case-insensitive), or null. */
    static Format byExtension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(EVM_HEX_EXTENSION) && lower.length() > EVM_HEX_EXTENSION.length()) {
            return EVM;
        }
        for (Format f : values()) {
            if (lower.endsWith(f.extension) && lower.length() > f.extension.length()) {
                return f;
            }
        }
        return null;
    }

    /** "zvmc|zasm|zvm", for messages and help. */
    static String choices() {
        return Arrays.stream(values()).map(f -> f.id).collect(Collectors.joining("|"));
    }
}
