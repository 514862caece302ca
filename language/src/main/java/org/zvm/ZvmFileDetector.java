// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import java.nio.charset.Charset;

import com.oracle.truffle.api.TruffleFile;

/** Maps file extensions to the MIME types the language parses: .zasm, .zvmc, .zvm. */
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
        return null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) {
        return null;
    }
}
