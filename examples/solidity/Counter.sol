// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// The debugging example of docs/debugging.md: break on a line, watch the stack and the storage.
contract Counter {
    uint256 public count;

    function increment(uint256 by) external returns (uint256) {
        uint256 next = count + by;
        count = next;
        return next;
    }

    function decrement(uint256 by) external returns (uint256) {
        require(count >= by, "count would go below zero");
        count -= by;
        return count;
    }
}
