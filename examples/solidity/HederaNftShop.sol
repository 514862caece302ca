// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

import "./IHederaTokenService.sol";

/// The ERC-721 functions Hedera's facade answers at an NFT's own address.
interface IERC721 {
    function balanceOf(address owner) external view returns (uint256);

    function ownerOf(uint256 tokenId) external view returns (address);

    function tokenURI(uint256 tokenId) external view returns (string memory);

    function getApproved(uint256 tokenId) external view returns (address);

    function isApprovedForAll(address owner, address operator) external view returns (bool);

    function approve(address to, uint256 tokenId) external;

    function setApprovalForAll(address operator, bool approved) external;

    function transferFrom(address from, address to, uint256 tokenId) external;
}

/// An NFT shop: it creates a collection through the HTS system contract at 0x167, sells and pays out
/// with cryptoTransfer (hbar and the NFT in one atomic transfer) and hands NFTs over through the ERC-721
/// facade at the collection's own address.
contract HederaNftShop {
    address constant HTS = address(0x167);
    int64 constant UNKNOWN = 21;
    int64 constant SUCCESS = 22;
    uint256 constant SUPPLY_KEY = 16;

    address public collection;

    function issue(string memory name, string memory symbol) external returns (int64 responseCode) {
        IHederaTokenService.TokenKey[] memory keys = new IHederaTokenService.TokenKey[](1);
        keys[0] = IHederaTokenService.TokenKey(SUPPLY_KEY, IHederaTokenService.KeyValue(true, address(0), "", "", address(0)));
        IHederaTokenService.HederaToken memory t = IHederaTokenService.HederaToken(
            name, symbol, address(this), "zvm shop", false, 0, false, keys, IHederaTokenService.Expiry(0, address(0), 0));
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.createNonFungibleToken.selector, t));
        address created;
        (responseCode, created) = ok ? abi.decode(result, (int64, address)) : (UNKNOWN, address(0));
        if (responseCode == SUCCESS) {
            collection = created;
        }
    }

    function mint(bytes memory metadata) external returns (int64 responseCode, int64 serial) {
        bytes[] memory list = new bytes[](1);
        list[0] = metadata;
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.mintToken.selector, collection, int64(0), list));
        if (!ok) {
            return (UNKNOWN, 0);
        }
        int64[] memory serials;
        (responseCode,, serials) = abi.decode(result, (int64, int64, int64[]));
        serial = serials.length > 0 ? serials[0] : int64(0);
    }

    function associate(address account) external returns (int64 responseCode) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.associateToken.selector, account, collection));
        responseCode = ok ? abi.decode(result, (int64)) : UNKNOWN;
    }

    /// Takes hbar (tinybars) into the shop's balance.
    function deposit() external payable {
    }

    function hbarOf(address account) external view returns (uint256) {
        return account.balance;
    }

    /// One atomic cryptoTransfer: `payer` pays `price` tinybars to `payee` and the NFT `serial` goes from `from` to `to`.
    function trade(address payer, address payee, int64 price, address from, address to, int64 serial) public returns (int64 responseCode) {
        IHederaTokenService.AccountAmount[] memory hbar = new IHederaTokenService.AccountAmount[](2);
        hbar[0] = IHederaTokenService.AccountAmount(payer, -price, false);
        hbar[1] = IHederaTokenService.AccountAmount(payee, price, false);
        IHederaTokenService.TokenTransferList[] memory tokens = new IHederaTokenService.TokenTransferList[](1);
        tokens[0].token = collection;
        tokens[0].nftTransfers = new IHederaTokenService.NftTransfer[](1);
        tokens[0].nftTransfers[0] = IHederaTokenService.NftTransfer(from, to, serial, false);
        return transfer(IHederaTokenService.TransferList(hbar), tokens);
    }

    /// An hbar-only cryptoTransfer of the given adjustments (which must net to zero).
    function moveHbar(address[] memory accounts, int64[] memory amounts) external returns (int64 responseCode) {
        IHederaTokenService.AccountAmount[] memory hbar = new IHederaTokenService.AccountAmount[](accounts.length);
        for (uint256 i = 0; i < accounts.length; i++) {
            hbar[i] = IHederaTokenService.AccountAmount(accounts[i], amounts[i], false);
        }
        return transfer(IHederaTokenService.TransferList(hbar), new IHederaTokenService.TokenTransferList[](0));
    }

    function transfer(IHederaTokenService.TransferList memory hbar, IHederaTokenService.TokenTransferList[] memory tokens) internal returns (int64 responseCode) {
        (bool ok, bytes memory result) = HTS.call(abi.encodeWithSelector(IHederaTokenService.cryptoTransfer.selector, hbar, tokens));
        responseCode = ok ? abi.decode(result, (int64)) : UNKNOWN;
    }

    function ownerOf(uint256 serial) external view returns (address) {
        return IERC721(collection).ownerOf(serial);
    }

    function tokenURI(uint256 serial) external view returns (string memory) {
        return IERC721(collection).tokenURI(serial);
    }

    function balanceOf(address owner) external view returns (uint256) {
        return IERC721(collection).balanceOf(owner);
    }

    function getApproved(uint256 serial) external view returns (address) {
        return IERC721(collection).getApproved(serial);
    }

    function isApprovedForAll(address owner, address operator) external view returns (bool) {
        return IERC721(collection).isApprovedForAll(owner, operator);
    }

    /// Through the ERC-721 facade: these revert when the ledger refuses.
    function approve(address to, uint256 serial) external {
        IERC721(collection).approve(to, serial);
    }

    function setApprovalForAll(address operator, bool approved) external {
        IERC721(collection).setApprovalForAll(operator, approved);
    }

    function handOver(address from, address to, uint256 serial) external {
        IERC721(collection).transferFrom(from, to, serial);
    }
}
