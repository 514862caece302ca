// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// A name registry: the first caller to claim a name owns it and can point it at bytes of data or hand
/// it over. Shows string keys hashed with keccak256, bytes values, and ownership checks.
contract Registry {
    struct Entry {
        address owner;
        bytes data;
    }

    mapping(bytes32 => Entry) private entries;

    event Claimed(string name, address indexed owner);
    event Transferred(string name, address indexed from, address indexed to);

    error Taken(string name, address owner);
    error NotOwner(string name);

    function claim(string calldata name, bytes calldata data) external {
        Entry storage e = entries[keccak256(bytes(name))];
        if (e.owner != address(0)) revert Taken(name, e.owner);
        e.owner = msg.sender;
        e.data = data;
        emit Claimed(name, msg.sender);
    }

    function update(string calldata name, bytes calldata data) external {
        Entry storage e = _owned(name);
        e.data = data;
    }

    function transfer(string calldata name, address to) external {
        Entry storage e = _owned(name);
        e.owner = to;
        emit Transferred(name, msg.sender, to);
    }

    function lookup(string calldata name) external view returns (address owner, bytes memory data) {
        Entry storage e = entries[keccak256(bytes(name))];
        return (e.owner, e.data);
    }

    function _owned(string calldata name) private view returns (Entry storage e) {
        e = entries[keccak256(bytes(name))];
        if (e.owner != msg.sender) revert NotOwner(name);
    }
}
