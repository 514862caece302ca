// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import "./IHederaTokenService.sol";

/// The ERC-20 functions Hedera's facade answers at a token's own address.
interface IERC20 {
    function balanceOf(address account) external view returns (uint256);

    function transfer(address to, uint256 amount) external returns (bool);
}

interface IPrngSystemContract {
    function getPseudorandomSeed() external returns (bytes32);
}

/// A treasury contract that creates, mints and pays out a Hedera token through the HTS system contract
/// at 0x167, calling it the way hedera-smart-contracts' HederaTokenService.sol does: a low-level call
/// whose failure maps to UNKNOWN (21), and response codes returned, not reverted.
contract HederaTreasury {
    address constant HTS = address(0x167);
    address constant PRNG = address(0x169);
    int64 constant UNKNOWN = 21;
    int64 constant SUCCESS = 22;
    uint256 constant SUPPLY_KEY = 16;

    address public token;
    int64 public supply;

    function issue(string memory name, string memory symbol, int64 initialSupply, int64 maxSupply) external returns (int64 responseCode) {
        IHederaTokenService.TokenKey[] memory keys = new IHederaTokenService.TokenKey[](1);
        keys[0] = IHederaTokenService.TokenKey(SUPPLY_KEY, IHederaTokenService.KeyValue(true, address(0), "", "", address(0)));
        IHederaTokenService.HederaToken memory t = IHederaTokenService.HederaToken(
            name, symbol, address(this), "zvm example", maxSupply > 0, maxSupply, false, keys, IHederaTokenService.Expiry(0, address(0), 0));
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.createFungibleToken.selector, t, initialSupply, int32(2)));
        address created;
        (responseCode, created) = ok ? abi.decode(result, (int64, address)) : (UNKNOWN, address(0));
        if (responseCode == SUCCESS) {
            token = created;
            supply = initialSupply;
        }
    }

    function mint(address which, int64 amount) external returns (int64 responseCode) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.mintToken.selector, which, amount, new bytes[](0)));
        int64 newSupply;
        (responseCode, newSupply,) = ok ? abi.decode(result, (int64, int64, int64[])) : (UNKNOWN, int64(0), new int64[](0));
        if (responseCode == SUCCESS) {
            supply = newSupply;
        }
    }

    function associate(address account) external returns (int64 responseCode) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.associateToken.selector, account, token));
        responseCode = ok ? abi.decode(result, (int64)) : UNKNOWN;
    }

    function pay(address to, int64 amount) external returns (int64 responseCode) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.transferToken.selector, token, address(this), to, amount));
        responseCode = ok ? abi.decode(result, (int64)) : UNKNOWN;
    }

    /// The token's name and decimals as getFungibleTokenInfo reports them.
    function info() external returns (int64 responseCode, string memory name, int32 decimals) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.getFungibleTokenInfo.selector, token));
        if (!ok) {
            return (UNKNOWN, "", 0);
        }
        IHederaTokenService.FungibleTokenInfo memory i;
        (responseCode, i) = abi.decode(result, (int64, IHederaTokenService.FungibleTokenInfo));
        return (responseCode, i.tokenInfo.token.name, i.decimals);
    }

    /// Through the ERC-20 facade at the token's address.
    function balanceOf(address account) external view returns (uint256) {
        return IERC20(token).balanceOf(account);
    }

    /// Through the ERC-20 facade: reverts when the transfer fails.
    function payErc20(address to, uint256 amount) external returns (bool) {
        return IERC20(token).transfer(to, amount);
    }

    function seed() external returns (bytes32) {
        return IPrngSystemContract(PRNG).getPseudorandomSeed();
    }
}
