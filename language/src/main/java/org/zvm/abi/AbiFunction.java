// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.util.Arrays;
import java.util.List;

import org.zvm.abi.AbiType.Tuple;
import org.zvm.crypto.Hashes;

/**
 * A function (or constructor, error or event) of a contract's ABI: its name, parameter types and, when known,
 * its result types. The selector is the first four bytes of the keccak-256 of {@link #signature()}.
 *
 * @param outputs null when the signature did not say (a bare {@code f(uint256)})
 * @param stateMutability {@code pure}, {@code view}, {@code nonpayable} or {@code payable}
 * @param signature the text the selector hashes: Solidity's canonical spelling, or the KALIX one
 *            ({@code deposit(u64)}) whose types encode as their Solidity counterparts
 */
public record AbiFunction(String name, Tuple inputs, Tuple outputs, String stateMutability, String signature) {

    /** A Solidity function, whose signature is the canonical one: {@code transfer(address,uint256)}. */
    public AbiFunction(String name, Tuple inputs, Tuple outputs, String stateMutability) {
        this(name, inputs, outputs, stateMutability, name + inputs.canonical());
    }

    /** Parses {@code transfer(address,uint256)}, {@code balanceOf(address)(uint256)} or {@code f(uint x) view returns (bool)}. */
    public static AbiFunction parse(String signature) {
        return new SignatureParser(signature).function();
    }

    public byte[] selector() {
        return Arrays.copyOf(Hashes.keccak256(signature().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 4);
    }

    /** True for {@code view} and {@code pure} functions, whose calls change nothing. */
    public boolean isReadOnly() {
        return stateMutability.equals("view") || stateMutability.equals("pure");
    }

    /** Calldata: the selector and the encoded arguments. */
    public byte[] encodeCall(List<?> arguments) {
        byte[] args = AbiCodec.encode(inputs, arguments);
        byte[] out = Arrays.copyOf(selector(), 4 + args.length);
        System.arraycopy(args, 0, out, 4, args.length);
        return out;
    }

    /** The results of a call, by {@link #outputs()} (none when not given). */
    public List<Object> decodeOutput(byte[] data) {
        return outputs == null ? List.of() : AbiCodec.decode(outputs, data);
    }
}
