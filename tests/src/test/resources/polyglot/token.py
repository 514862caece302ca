# The ERC-20 of examples/solidity/Token.sol from Python (GraalPy): `Token` (the creation code, with its
# ABI) and `Vault` (examples/vault.zasm, a native contract with an ABI) are bound by the test. Leaves what
# the test checks in `out`, as strings.
import polyglot

alice = "0x00000000000000000000000000000000000000c0"  # the default caller
bob = "0x000000000000000000000000000000000000b0b0"
supply = 1_000_000 * 10**18
out = {}

token = Token.deploy("Zvm Token", "ZVM", supply)
out["name"] = token.name()
out["totalSupply"] = str(int(token.totalSupply()))
out["exact"] = str(int(token.totalSupply()) == supply)
out["transferred"] = str(token.transfer(bob, 250))
token.transfer(alice, 50, {"from": bob})
out["bob"] = str(int(token.balanceOf(bob)))
out["sum"] = str(int(token.balanceOf(alice)) + int(token.balanceOf(bob)) == supply)
out["slot2"] = str(int(token.storage(2)))


def failure(f):
    try:
        f()
        return "no error"
    except polyglot.ForeignException as e:  # a guest exception of another language; not an Exception subclass
        return str(e)


out["revert"] = failure(lambda: token.transfer(alice, 1000, {"from": bob}))
try:
    token.transfer(alice, 1000, {"from": bob})
except polyglot.ForeignException as e:
    out["members"] = "|".join([e.status, e.reason, e.kind])
out["panic"] = failure(lambda: token.transferFrom(alice, bob, 1))
out["outOfGas"] = failure(lambda: token.transfer(bob, 1, {"gas": 1000}))
out["deposit"] = str(int(Vault.deposit(42)))
out["zero"] = failure(lambda: Vault.deposit(0))
