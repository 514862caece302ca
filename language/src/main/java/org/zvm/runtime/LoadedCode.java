// SPDX-License-Identifier: Apache-2.0
package org.zvm.runtime;

import com.oracle.truffle.api.CallTarget;

/** Account code ready to run: its call target and the bytes CODESIZE/CODECOPY see inside it. */
public record LoadedCode(CodeFormat format, CallTarget target, byte[] code) {
}
