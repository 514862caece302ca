// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.host;

/**
 * A function a WebAssembly module imports from its embedder (the spec tests' {@code spectest} module, the
 * Soroban host). The WASM engine checks the import's signature when it links and converts values at the
 * boundary, so host code sees plain Java values.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * Runs the function. Values are {@code Integer} (i32), {@code Long} (i64), {@code Float} (f32),
     * {@code Double} (f64), {@code byte[16]} (v128, little-endian) and references as the engine represents
     * them; the result array has one element per declared result. Throws {@link HostTrap} to trap.
     */
    Object[] call(HostContext context, Object[] args);
}
