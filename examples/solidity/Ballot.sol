// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// A ballot over named proposals: the chairperson gives voters the right to vote, each voter votes once,
/// and anyone reads the winner. Shows string and array arguments, structs in storage, and reverts.
contract Ballot {
    struct Proposal {
        string name;
        uint256 votes;
    }

    address public immutable chairperson;
    Proposal[] public proposals;
    mapping(address => bool) public canVote;
    mapping(address => bool) public hasVoted;

    error AlreadyVoted(address voter);

    constructor(string[] memory names) {
        require(names.length > 0, "no proposals");
        chairperson = msg.sender;
        for (uint256 i = 0; i < names.length; i++) {
            proposals.push(Proposal(names[i], 0));
        }
    }

    function giveRightToVote(address voter) external {
        require(msg.sender == chairperson, "only the chairperson");
        canVote[voter] = true;
    }

    function vote(uint256 proposal) external {
        require(canVote[msg.sender], "no right to vote");
        if (hasVoted[msg.sender]) revert AlreadyVoted(msg.sender);
        hasVoted[msg.sender] = true;
        proposals[proposal].votes += 1;
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }

    function winner() external view returns (string memory name, uint256 votes) {
        uint256 best = 0;
        for (uint256 i = 1; i < proposals.length; i++) {
            if (proposals[i].votes > proposals[best].votes) {
                best = i;
            }
        }
        return (proposals[best].name, proposals[best].votes);
    }
}
