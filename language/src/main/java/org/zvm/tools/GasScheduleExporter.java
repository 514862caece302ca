// SPDX-License-Identifier: Apache-2.0
package org.zvm.tools;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zvm.container.ZvmContainer;
import org.zvm.opcode.GasCosts;
import org.zvm.opcode.GasFormulas;
import org.zvm.opcode.Opcode;
import org.zvm.util.Json;

/**
 * Renders {@code docs/reference/gas-schedule.json} for tools outside the VM (the KALIX compiler's gas
 * estimates): every opcode's static facts from {@link Opcode}, every {@link GasCosts} constant by name,
 * and the dynamic formulas of {@link GasFormulas} as expression trees a compiler can evaluate.
 */
public final class GasScheduleExporter {
    private GasScheduleExporter() {
    }

    /** How to read {@code expr}, for whoever evaluates the file (see {@link GasFormulas}). */
    static final String EXPRESSION_SYNTAX = "expr is a number, a parameter name, or [op, arg...]; op is + - * / (integer division rounding down), min, max, "
                    + "== != < <= > >= (1 or 0), and, or, not, if (condition, then, else), or the name of another formula applied to its params in order. "
                    + "charge: dynamic = on top of the opcode's baseGas, total = the whole charge, refund = added to the refund counter, "
                    + "gas = an amount of gas rather than a charge, helper = used by other formulas.";

    public static String generate() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedFrom", ReferenceDocs.generatedFrom("org.zvm.opcode.Opcode, org.zvm.opcode.GasCosts and org.zvm.opcode.GasFormulas"));
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
        dynamic.put("syntax", EXPRESSION_SYNTAX);
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

    /** Each {@link GasFormulas} formula with its expression as a JSON tree (to evaluate) and as text (to read). */
    private static Map<String, Object> formulas() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (GasFormulas.Formula f : GasFormulas.ALL.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("params", f.params());
            row.put("charge", f.charge());
            row.put("opcodes", f.opcodes());
            row.put("expr", f.expr().json());
            row.put("text", f.expr().text());
            row.put("doc", f.doc());
            out.put(f.name(), row);
        }
        return out;
    }
}
