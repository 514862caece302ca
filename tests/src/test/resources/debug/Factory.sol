// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// ChromeDevToolsTest: below a CALL's callee, the calling Solidity frame keeps its function name.
contract Child {
    function seven() external pure returns (uint256) {
        return 7;
    }
}

contract Factory {
    function make() external returns (uint256) {
        Child c = new Child();
        return c.seven();
    }
}
