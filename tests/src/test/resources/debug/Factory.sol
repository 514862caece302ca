// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// ChromeDevToolsTest: Solidity frame names around a CALL and an internal call that returns.
contract Child {
    function seven() external pure returns (uint256) {
        return 7;
    }
}

contract Factory {
    function make() external returns (uint256) {
        Child c = new Child();
        uint256 v = twice(c.seven());
        return v;
    }

    function twice(uint256 v) private pure returns (uint256) {
        return v * 2;
    }
}
