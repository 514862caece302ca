// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// A three-party escrow: the buyer deposits ether, and the arbiter either releases it to the seller or
/// refunds the buyer. Shows payable calls, ether transfers out of a contract, events and custom errors.
contract Escrow {
    enum State { AwaitingDeposit, Funded, Closed }

    address public immutable buyer;
    address public immutable seller;
    address public immutable arbiter;
    State public state;

    event Deposited(address indexed buyer, uint256 amount);
    event Settled(address indexed to, uint256 amount);

    error NotAllowed(address caller);
    error WrongState(State expected, State actual);

    constructor(address seller_, address arbiter_) {
        buyer = msg.sender;
        seller = seller_;
        arbiter = arbiter_;
    }

    function deposit() external payable {
        if (msg.sender != buyer) revert NotAllowed(msg.sender);
        if (state != State.AwaitingDeposit) revert WrongState(State.AwaitingDeposit, state);
        require(msg.value > 0, "nothing deposited");
        state = State.Funded;
        emit Deposited(msg.sender, msg.value);
    }

    function release() external {
        _settle(seller);
    }

    function refund() external {
        _settle(buyer);
    }

    function _settle(address to) private {
        if (msg.sender != arbiter) revert NotAllowed(msg.sender);
        if (state != State.Funded) revert WrongState(State.Funded, state);
        state = State.Closed;
        uint256 amount = address(this).balance;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "transfer failed");
        emit Settled(to, amount);
    }
}
