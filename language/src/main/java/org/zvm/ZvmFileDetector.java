// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.nio.charset.Charset;

import com.oracle.truffle.api.TruffleFile;

/**
 * Maps file extensions to the MIME types the language parses: .zasm, .zvmc, .zvm, .evm (binary EVM code)
 * and .bin (EVM code as hex text, solc's {@code --bin} output), so {@code evalFile} needs no MIME type.
 */
public final class ZvmFileDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) {
        String name = file.getName();
        if (name == null) {
            return null;
        }
        if (name.endsWith(".zasm")) {
            return ZvmLanguage.ZASM_MIME;
        }
        if (name.endsWith(".zvmc")) {
            return ZvmLanguage.CONTAINER_MIME;
        }
        if (name.endsWith(".zvm")) {
            return ZvmLanguage.NATIVE_MIME;
        }
        if (name.endsWith(".evm")) {
            return ZvmLanguage.EVM_MIME;
        }
        if (name.endsWith(".bin")) {
            return ZvmLanguage.EVM_HEX_MIME;
        }
        return null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
