// SPDX-License-Identifier: Apache-2.0
package org.zvm;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;

import com.oracle.truffle.api.Option;

/**
 * Options of one source ({@code Source.newBuilder("zvm", ...).option("zvm.Abi", json)}), as opposed to
 * the context's options in {@link ZvmLanguage}.
 */
@Option.Group(ZvmLanguage.ID)
final class ZvmSourceOptions {
    private ZvmSourceOptions() {
    }

    @Option(help = "The contract's JSON ABI (solc --abi): its functions become members of the contract object. Without it, X.abi or X.abi.json beside the source file X.ext is read when present.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE) //
    static final OptionKey<String> Abi = new OptionKey<>("");
}
