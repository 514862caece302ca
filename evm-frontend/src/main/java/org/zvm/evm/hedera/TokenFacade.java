// SPDX-License-Identifier: Apache-2.0
package org.zvm.evm.hedera;

import org.zvm.hedera.HederaLedger;
import org.zvm.hedera.HederaLedger.TokenKind;
import org.zvm.hedera.ResponseCode;
import org.zvm.runtime.Message;
import org.zvm.runtime.PrecompiledContract;

/**
 * What answers at a token's address on Hedera: the ERC-20 functions for a fungible token, the ERC-721
 * functions for an NFT. ERC-20 and ERC-721 share selectors (approve, transferFrom, balanceOf) with other
 * meanings, so the token's type picks the table; a function of the other standard reverts with
 * NOT_SUPPORTED, as a write of the ERC-20 facade on an NFT always did. Shared selectors cost the same in
 * both tables, so the gas needs no token.
 */
final class TokenFacade implements PrecompiledContract {
    private final SystemContract fungible;
    private final SystemContract nonFungible;

    TokenFacade(SystemContract fungible, SystemContract nonFungible) {
        this.fungible = fungible;
        this.nonFungible = nonFungible;
        for (SystemContract.Function f : nonFungible.functions()) {
            byte[] selector = f.abi().selector();
            if (fungible.knows(selector) && fungible.gas(selector) != f.gas()) {
                throw new IllegalStateException(f.abi().signature() + " costs differently in the two facades");
            }
        }
    }

    @Override
    public long gas(byte[] input) {
        return fungible.knows(input) ? fungible.gas(input) : nonFungible.gas(input);
    }

    @Override
    public byte[] run(Message frame) {
        boolean nft = new HederaLedger(frame.state, HederaLedger.NONE, HederaLedger.NONE, 0).tokenKind(frame.codeAddress) == TokenKind.NON_FUNGIBLE;
        SystemContract own = nft ? nonFungible : fungible;
        if (!own.knows(frame.calldata) && (nft ? fungible : nonFungible).knows(frame.calldata)) {
            throw HederaSystemContracts.refused(ResponseCode.NOT_SUPPORTED);
        }
        return own.run(frame);
    }
}
