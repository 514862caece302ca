// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.runtime;

/** An opaque host reference (the spec tests' {@code ref.extern n}); equal numbers are the same reference. */
public record ExternRef(long id) {
}
