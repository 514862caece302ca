// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

/**
 * The rules that change between EVM forks, as evmone's {@code evmc_revision} does: dynamic gas and the few
 * semantic switches nodes and transactions consult. A frontend hands one to each node that needs it, so
 * every value is a compile-time constant; native ZVM code follows {@link #CANCUN}. Static gas lives in the
 * opcode tables.
 *
 * @param name the fork's name, as state tests and {@code --fork} spell it
 * @param accessLists EIP-2929 cold/warm accounts and slots (Berlin)
 * @param warmStorageRead SLOAD of a warm slot (800 before Berlin: EIP-2200's SLOAD_GAS)
 * @param sstoreReset SSTORE of a slot whose value is unchanged in the transaction, net of the cold surcharge
 * @param sstoreClearsRefund refund for clearing a slot (15000; 4800 from London, EIP-3529)
 * @param selfdestructRefund refund of the first SELFDESTRUCT of an account (24000; 0 from London)
 * @param maxRefundQuotient refunds are capped at gas used divided by this (2; 5 from London)
 * @param rejectEfCode new code starting with 0xEF fails to deploy (London, EIP-3541)
 * @param initcodeLimit init code is limited and metered per word (Shanghai, EIP-3860)
 * @param selfdestructOnlyCreated SELFDESTRUCT deletes only accounts created in the transaction (Cancun, EIP-6780)
 */
public record Revision(String name, boolean accessLists, long warmStorageRead, long sstoreReset, long sstoreClearsRefund,
                long selfdestructRefund, long maxRefundQuotient, boolean rejectEfCode, boolean initcodeLimit, boolean selfdestructOnlyCreated) {

    public static final Revision ISTANBUL = new Revision("Istanbul", false, 800, 5000, 15000, 24000, 2, false, false, false);
    public static final Revision BERLIN = new Revision("Berlin", true, 100, 2900, 15000, 24000, 2, false, false, false);
    public static final Revision LONDON = new Revision("London", true, 100, 2900, 4800, 0, 5, true, false, false);
    public static final Revision SHANGHAI = new Revision("Shanghai", true, 100, 2900, 4800, 0, 5, true, true, false);
    /** Native ZVM code's rules: GasCosts holds their values. */
    public static final Revision CANCUN = new Revision("Cancun", true, GasCosts.WARM_ACCESS, GasCosts.SSTORE_RESET, GasCosts.SSTORE_CLEARS_REFUND, 0,
                    GasCosts.MAX_REFUND_QUOTIENT, true, true, true);

    /** Cold SLOAD surcharge over the warm read (EIP-2929); nothing before Berlin. */
    public long coldSloadSurcharge() {
        return accessLists ? GasCosts.COLD_SLOAD - GasCosts.WARM_ACCESS : 0;
    }

    /** Cold account access surcharge over the warm access (EIP-2929); nothing before Berlin. */
    public long coldAccountSurcharge() {
        return accessLists ? GasCosts.COLD_ACCOUNT_ACCESS - GasCosts.WARM_ACCESS : 0;
    }
}
