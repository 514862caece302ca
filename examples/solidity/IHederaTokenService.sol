// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// The part of Hedera's IHederaTokenService (v3 signatures, cryptoTransfer v2) the examples use; see docs/hedera.md.
interface IHederaTokenService {
    struct KeyValue {
        bool inheritAccountKey;
        address contractId;
        bytes ed25519;
        bytes ECDSA_secp256k1;
        address delegatableContractId;
    }

    struct TokenKey {
        uint256 keyType;
        KeyValue key;
    }

    struct Expiry {
        int64 second;
        address autoRenewAccount;
        int64 autoRenewPeriod;
    }

    struct HederaToken {
        string name;
        string symbol;
        address treasury;
        string memo;
        bool tokenSupplyType;
        int64 maxSupply;
        bool freezeDefault;
        TokenKey[] tokenKeys;
        Expiry expiry;
    }

    struct FixedFee {
        int64 amount;
        address tokenId;
        bool useHbarsForPayment;
        bool useCurrentTokenForPayment;
        address feeCollector;
    }

    struct FractionalFee {
        int64 numerator;
        int64 denominator;
        int64 minimumAmount;
        int64 maximumAmount;
        bool netOfTransfers;
        address feeCollector;
    }

    struct RoyaltyFee {
        int64 numerator;
        int64 denominator;
        int64 amount;
        address tokenId;
        bool useHbarsForPayment;
        address feeCollector;
    }

    struct TokenInfo {
        HederaToken token;
        int64 totalSupply;
        bool deleted;
        bool defaultKycStatus;
        bool pauseStatus;
        FixedFee[] fixedFees;
        FractionalFee[] fractionalFees;
        RoyaltyFee[] royaltyFees;
        string ledgerId;
    }

    struct FungibleTokenInfo {
        TokenInfo tokenInfo;
        int32 decimals;
    }

    struct AccountAmount {
        address accountID;
        int64 amount;
        bool isApproval;
    }

    struct NftTransfer {
        address senderAccountID;
        address receiverAccountID;
        int64 serialNumber;
        bool isApproval;
    }

    struct TokenTransferList {
        address token;
        AccountAmount[] transfers;
        NftTransfer[] nftTransfers;
    }

    struct TransferList {
        AccountAmount[] transfers;
    }

    function getFungibleTokenInfo(address token) external returns (int64 responseCode, FungibleTokenInfo memory tokenInfo);

    function createFungibleToken(HederaToken memory token, int64 initialTotalSupply, int32 decimals)
        external payable returns (int64 responseCode, address tokenAddress);

    function createNonFungibleToken(HederaToken memory token) external payable returns (int64 responseCode, address tokenAddress);

    function mintToken(address token, int64 amount, bytes[] memory metadata)
        external returns (int64 responseCode, int64 newTotalSupply, int64[] memory serialNumbers);

    function associateToken(address account, address token) external returns (int64 responseCode);

    function transferToken(address token, address sender, address recipient, int64 amount) external returns (int64 responseCode);

    function cryptoTransfer(TransferList memory transferList, TokenTransferList[] memory tokenTransfers) external returns (int64 responseCode);
}
