// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a context models Hedera: whether EVM code sees the system contracts at 0x167–0x169
 * ({@code zvm.Chain=hedera}; on Ethereum those are ordinary addresses), the exchange rate and the PRNG
 * seed. The native Hedera opcodes work on every chain: they are zvm instructions, not addresses.
 */
public record HederaConfig(boolean systemContracts, ExchangeRate rate, Prng prng) {
    /** The chains {@code zvm.Chain} names. */
    public static final String CHAINS = "ethereum, hedera";

    /** Builds the configuration from the option texts; throws IllegalArgumentException naming the bad one. */
    public static HederaConfig of(String chain, String rate, String seed) {
        return new HederaConfig(isHedera(chain), ExchangeRate.parse(rate), new Prng(seed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the chain {@code name} (case-insensitive) is Hedera; throws for a chain that is neither. */
    public static boolean isHedera(String chain) {
        return switch (chain.strip().toLowerCase(Locale.ROOT)) {
            case "ethereum" -> false;
            case "hedera" -> true;
            default -> throw new IllegalArgumentException("unknown chain '" + chain + "' (expected one of " + CHAINS + ")");
        };
    }
}
