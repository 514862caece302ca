// The ERC-20 of examples/solidity/Token.sol from JavaScript: `Token` (the creation code, with its ABI) and
// `Vault` (examples/vault.zasm, a native contract with an ABI) are bound by the test. Returns what the
// test checks, as strings so nothing depends on JavaScript's number conversions.
const alice = "0x00000000000000000000000000000000000000c0"; // the default caller
const bob = "0x000000000000000000000000000000000000b0b0";
const supply = 1000000n * 10n ** 18n;
const out = {};

const token = Token.deploy("Zvm Token", "ZVM", supply);
out.address = token.address;
out.name = token.name();
out.symbol = token.symbol();
out.decimals = String(token.decimals());
out.totalSupply = String(token.totalSupply());
// A 256-bit result is a foreign number: typeof says "number", BigInt() converts it exactly, == compares exactly.
out.totalSupplyType = typeof token.totalSupply();
out.exactBigInt = BigInt(token.totalSupply()) === supply;
out.looseEquals = token.totalSupply() == supply;
out.transferred = token.transfer(bob, 250n);
out.bob = String(token.balanceOf(bob));
out.alice = String(token.balanceOf(alice));
token.transfer(alice, 50, { from: bob });
out.bobAfterPayingBack = String(token.balanceOf(bob));
out.sumIsSupply = BigInt(token.balanceOf(alice)) + BigInt(token.balanceOf(bob)) === supply;
out.slot2 = String(token.storage(2));
out.balance = String(token.balance);

function failure(f) {
    try {
        f();
        return "no error";
    } catch (e) {
        return e.message;
    }
}
out.revert = failure(() => token.transfer(alice, 1000, { from: bob }));
out.panic = failure(() => token.transferFrom(alice, bob, 1));
out.custom = failure(() => token.transfer("0x0000000000000000000000000000000000000000", 1));
out.outOfGas = failure(() => token.transfer(bob, 1, { gas: 1000 }));
out.badArgument = failure(() => token.transfer("not an address", 1));
try {
    token.transfer(alice, 1000, { from: bob });
} catch (e) {
    out.revertMembers = [e.status, e.reason, e.kind].join("|");
}

out.deposit = String(Vault.deposit(40));
out.deposit2 = String(Vault.deposit(2n));
out.total = String(Vault.total());
out.zero = failure(() => Vault.deposit(0));
out;
