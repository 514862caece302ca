// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import static org.zvm.opcode.GasCosts.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.container.ZvmContainer;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.Opcode;
import org.zvm.util.Json;

/**
 * Renders {@code docs/reference/gas-schedule.json} for tools outside the VM (the KALIX compiler's gas
 * estimates): every opcode's static facts from {@link Opcode}, every {@link GasCosts} constant by name,
 * and the dynamic formulas as text built from those constants.
 */
public final class GasScheduleExporter {
    private GasScheduleExporter() {
    }

    public static String generate() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedFrom", ReferenceDocs.generatedFrom("org.zvm.opcode.Opcode and org.zvm.opcode.GasCosts"));
        root.put("version", ZvmContainer.VERSION);
        List<Object> opcodes = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mnemonic", op.mnemonic());
            row.put("byte", op.code);
            row.put("baseGas", op.baseGas);
            row.put("dynamic", op.has(Opcode.Flag.DYNAMIC_GAS));
            row.put("immediate", op.immediateSize);
            row.put("inputs", op.inputs);
            row.put("outputs", op.outputs);
            opcodes.add(row);
        }
        root.put("opcodes", opcodes);
        Map<String, Object> dynamic = new LinkedHashMap<>();
        dynamic.put("constants", constants());
        dynamic.put("formulas", formulas());
        root.put("dynamic", dynamic);
        return Json.writePretty(root);
    }

    /** Every public numeric constant of {@link GasCosts}, by name in alphabetical order. */
    private static Map<String, Object> constants() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Field> fields = new ArrayList<>(List.of(GasCosts.class.getDeclaredFields()));
        fields.sort(Comparator.comparing(Field::getName));
        for (Field f : fields) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && (f.getType() == long.class || f.getType() == int.class)) {
                try {
                    out.put(f.getName(), f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /**
     * The dynamic charges, on top of {@code baseGas} unless stated as a total. {@code words(n)} is
     * {@code ceil(n/32)}; {@code memoryExpansion} is charged by every opcode flagged MEMORY.
     */
    private static Map<String, Object> formulas() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("words", "ceil(bytes/32)");
        f.put("memory", MEMORY_WORD + "*words + words^2/" + MEMORY_QUAD_DIVISOR);
        f.put("memoryExpansion", "memory(newWords) - memory(oldWords)");
        f.put("copy", COPY_WORD + "*words(len) + memoryExpansion");
        f.put("KECCAK256", KECCAK_WORD + "*words(len) + memoryExpansion");
        f.put("SHA256", SHA256_WORD + "*words(len) + memoryExpansion");
        f.put("RIPEMD160", RIPEMD160_WORD + "*words(len) + memoryExpansion");
        f.put("BLAKE2B", BLAKE2B_WORD + "*words(len) + memoryExpansion");
        f.put("EXP", EXP_BYTE + "*byteLength(exponent)");
        f.put("LOG", LOG_DATA_BYTE + "*len + memoryExpansion");
        f.put("accountAccess", "cold ? " + (COLD_ACCOUNT_ACCESS - WARM_ACCESS) + " : 0");
        f.put("SLOAD", "cold ? " + (COLD_SLOAD - WARM_ACCESS) + " : 0");
        f.put("SSTORE", "total = (cold ? " + COLD_SLOAD + " : 0) + (new == current || original != current ? " + WARM_ACCESS
                        + " : original == 0 ? " + SSTORE_SET + " : " + SSTORE_RESET + "); fails when gasLeft <= " + SSTORE_STIPEND_GUARD
                        + "; clearing refunds " + SSTORE_CLEARS_REFUND);
        f.put("CALL", "accountAccess + (value != 0 ? " + CALL_VALUE + " : 0) + (value != 0 && target empty ? " + NEW_ACCOUNT
                        + " : 0) + memoryExpansion; callee gets +" + CALL_STIPEND + " when value != 0");
        f.put("callGasForwarded", "min(requested, gasLeft - gasLeft/64)");
        f.put("CREATE", INITCODE_WORD + "*words(initcodeLen) + memoryExpansion + " + CODE_DEPOSIT_BYTE + "*len(deployedCode)");
        f.put("CREATE2", "CREATE + " + CREATE2_HASH_WORD + "*words(initcodeLen)");
        f.put("SELFDESTRUCT", "accountAccess(beneficiary) + (balance != 0 && beneficiary empty ? " + NEW_ACCOUNT + " : 0)");
        f.put("refundCap", "gasUsed/" + MAX_REFUND_QUOTIENT);
        f.put("PQ_VERIFY", PQ_MESSAGE_BYTE + "*messageLen + memoryExpansion(key, message, signature)");
        f.put("PQ_KEYGEN", "(Falcon-512 ? " + PQ_KEYGEN_FALCON + " : SLH-DSA-SHA2-128s ? " + PQ_KEYGEN_SPHINCS
                        + " : 0) + memoryExpansion(seed, keys); unknown algorithm: 0");
        return f;
    }
}
