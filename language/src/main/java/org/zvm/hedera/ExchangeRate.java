// SPDX-License-Identifier: Apache-2.0
package org.zvm.hedera;

import java.math.BigInteger;

/**
 * The hbar/USD rate as Hedera's system file 0.0.112 states it: {@code hbarEquiv} hbar are worth
 * {@code centEquiv} US cents. Offline it is configuration ({@code zvm.HederaExchangeRate=CENTS:HBARS}), so
 * the exchange-rate system contract (0x168, HIP-475) converts deterministically. Conversions round down,
 * as integer division does on Hedera.
 */
public record ExchangeRate(long centEquiv, long hbarEquiv) {
    /** 12 cents per hbar. */
    public static final ExchangeRate DEFAULT = new ExchangeRate(12, 1);

    public ExchangeRate {
        if (centEquiv <= 0 || hbarEquiv <= 0) {
            throw new IllegalArgumentException("both sides of an exchange rate must be positive, got " + centEquiv + ":" + hbarEquiv);
        }
    }

    /** Reads {@code CENTS:HBARS}, e.g. {@code 12:1}. */
    public static ExchangeRate parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected CENTS:HBARS such as 12:1, got '" + text + "'");
        }
        try {
            return new ExchangeRate(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected CENTS:HBARS such as 12:1, got '" + text + "'");
        }
    }

    /** {@code tinycentsToTinybars}: tinycents × hbarEquiv / centEquiv. */
    public BigInteger tinycentsToTinybars(BigInteger tinycents) {
        return tinycents.multiply(BigInteger.valueOf(hbarEquiv)).divide(BigInteger.valueOf(centEquiv));
    }

    /** {@code tinybarsToTinycents}: tinybars × centEquiv / hbarEquiv. */
    public BigInteger tinybarsToTinycents(BigInteger tinybars) {
        return tinybars.multiply(BigInteger.valueOf(centEquiv)).divide(BigInteger.valueOf(hbarEquiv));
    }

    @Override
    public String toString() {
        return centEquiv + ":" + hbarEquiv;
    }
}
