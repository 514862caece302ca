// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zvm.abi.AbiType.Tuple;
import org.zvm.util.Hex;

/**
 * The KALIX compiler's ABI JSON ({@code shared/reference/zvm-native.md}): an object whose {@code functions}
 * carry their selector. KALIX types encode as their Solidity counterparts ({@code u64} as {@code uint64},
 * {@code Address} as {@code address}), but the selector hashes the KALIX spelling, {@code deposit(u64)}; every
 * declared selector is recomputed, because a wrong one (KALIX once emitted SHA3-256 prefixes) would route
 * calls to the wrong function or to none. {@code events}, {@code state_variables} and {@code tables} describe
 * storage for tools and are not needed to call the contract.
 */
final class KalixAbi {
    private KalixAbi() {
    }

    static ContractAbi read(Map<?, ?> root, String name) {
        if (!(root.get("functions") instanceof List<?> entries)) {
            throw new AbiException(name + ": \"functions\" is not an array");
        }
        List<AbiFunction> functions = new ArrayList<>();
        Map<String, String> bySelector = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new AbiException(name + ": function " + i + ": not an object");
            }
            String fname = ContractAbi.string(entry, "name", name + ": function " + i);
            String where = name + ": function " + fname;
            AbiFunction f = function(entry, fname, where);
            String declared = ContractAbi.string(entry, "selector", where).toLowerCase(Locale.ROOT);
            String computed = Hex.of(f.selector());
            if (!declared.equals(computed)) {
                throw new AbiException(where + ": selector " + declared + " is not keccak256(\"" + f.signature() + "\")[0:4] = " + computed);
            }
            String clash = bySelector.put(computed, f.signature());
            if (clash != null) {
                throw new AbiException(where + ": selector " + computed + " of " + f.signature() + " is also that of " + clash);
            }
            functions.add(f);
        }
        return ContractAbi.ofFunctions(functions);
    }

    private static AbiFunction function(Map<?, ?> entry, String name, String where) {
        Tuple inputs = ContractAbi.parameters(entry.get("inputs"), where + " inputs", KalixAbi::type);
        Tuple outputs = ContractAbi.parameters(entry.get("outputs"), where + " outputs", KalixAbi::type);
        StringBuilder signature = new StringBuilder(name).append('(');
        if (entry.get("inputs") instanceof List<?> params) {
            for (int i = 0; i < params.size(); i++) {
                signature.append(i == 0 ? "" : ",").append(((Map<?, ?>) params.get(i)).get("type"));
            }
        }
        return new AbiFunction(name, inputs, outputs, mutability(entry.get("mutability"), where), signature.append(')').toString());
    }

    /** KALIX says {@code mutable} where Solidity says {@code nonpayable}; absent means the same. */
    private static String mutability(Object value, String where) {
        if (value == null || value.equals("mutable")) {
            return "nonpayable";
        }
        if (value instanceof String s && List.of("pure", "view", "nonpayable", "payable").contains(s)) {
            return s;
        }
        throw new AbiException(where + ": unknown mutability " + value + " (pure, view, nonpayable, payable or mutable)");
    }

    /** A KALIX type: {@code u8}…{@code u256}, {@code i8}…{@code i256}, {@code bool}, {@code Address}, {@code bytes}. */
    private static AbiType type(Map<?, ?> param, String where) {
        String kalix = ContractAbi.string(param, "type", where);
        switch (kalix) {
            case "bool":
                return new AbiType.Bool();
            case "Address":
                return new AbiType.Address();
            case "bytes":
                return new AbiType.Bytes();
            default:
                break;
        }
        if (kalix.matches("[ui](8|16|32|64|128|256)")) {
            int bits = Integer.parseInt(kalix.substring(1));
            return kalix.charAt(0) == 'u' ? new AbiType.UInt(bits) : new AbiType.Int(bits);
        }
        throw new AbiException(where + ": unknown KALIX type '" + kalix + "' (u8..u256, i8..i256, bool, Address, bytes)");
    }
}
