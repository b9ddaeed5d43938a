// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract Vault {
    IERC20 public immutable asset;
    mapping(address => uint256) public shares;
    uint256 public totalShares;
    uint256 public feeBps;
    address public owner;

    constructor(IERC20 _asset) {
        asset = _asset;
        owner = msg.sender;
    }

    function deposit(uint256 amount) external {
        uint256 minted = totalShares == 0
            ? amount
            : (amount * totalShares) / asset.balanceOf(address(this));
        asset.transferFrom(msg.sender, address(this), amount);
        shares[msg.sender] += minted;
        totalShares += minted;
    }

    function withdraw(uint256 shareAmount) external {
        uint256 amount = (shareAmount * asset.balanceOf(address(this))) / totalShares;
        uint256 fee = (amount * feeBps) / 10_000;
        asset.transfer(msg.sender, amount - fee);
        shares[msg.sender] -= shareAmount;
        totalShares -= shareAmount;
    }

    function setFee(uint256 bps) external {
        feeBps = bps;
    }
}
