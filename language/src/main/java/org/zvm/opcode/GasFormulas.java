// SPDX-License-Identifier: Apache-2.0
package org.zvm.opcode;

import static org.zvm.opcode.GasCosts.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic part of gas as data a compiler can evaluate: each {@link Formula} is an integer expression over
 * named inputs (an access is cold, a length in bytes, a storage value), built from the {@link GasCosts}
 * constants the VM charges with. {@code zvm gas-schedule --json} exports them as JSON trees, so a compiler
 * such as KALIX's imports the gas schedule instead of copying numbers; {@code GasFormulasTest} runs programs
 * and checks that the VM charges what the formulas predict.
 *
 * <p>
 * An expression in JSON is a number, the name of an input, or an array {@code [op, arg...]}: {@code op} is
 * {@code + - * /} (division rounds down; every value is a non-negative integer unless a formula says
 * otherwise), {@code min}, {@code max}, the comparisons {@code == != < <= > >=} (1 or 0), {@code and},
 * {@code or}, {@code not}, {@code if} (condition, then, else), or the name of another formula, called with
 * its parameters in order.
 */
public final class GasFormulas {
    private GasFormulas() {
    }

    /** An integer expression: a constant, an input, or an operator or formula applied to arguments. */
    public sealed interface Expr {
        /** The expression as JSON: a number, an input name, or {@code [op, arg...]}. */
        Object json();

        /** The expression as infix text, for people. */
        String text();
    }

    public record Num(long value) implements Expr {
        public Object json() {
            return value;
        }

        public String text() {
            return Long.toString(value);
        }
    }

    public record Input(String name) implements Expr {
        public Object json() {
            return name;
        }

        public String text() {
            return name;
        }
    }

    public record Apply(String op, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
        }

        public Object json() {
            List<Object> out = new ArrayList<>();
            out.add(op);
            args.forEach(a -> out.add(a.json()));
            return out;
        }

        public String text() {
            if (op.equals("if")) {
                return "(" + args.get(0).text() + " ? " + args.get(1).text() + " : " + args.get(2).text() + ")";
            }
            if (op.equals("not")) {
                return "!" + args.get(0).text();
            }
            if (args.size() == 2 && !Character.isLetter(op.charAt(0)) || op.equals("and") || op.equals("or")) {
                String infix = op.equals("and") ? "&&" : op.equals("or") ? "||" : op;
                return "(" + args.get(0).text() + " " + infix + " " + args.get(1).text() + ")";
            }
            List<String> parts = args.stream().map(Expr::text).toList();
            return op + "(" + String.join(", ", parts) + ")";
        }
    }

    /**
     * One named formula.
     *
     * @param charge what the value is: {@code dynamic} (charged on top of the opcode's base gas),
     *            {@code total} (the whole charge), {@code refund} (added to the refund counter, may be
     *            negative), {@code gas} (an amount of gas, not a charge) or {@code helper} (used by others)
     * @param opcodes the mnemonics it applies to (none for helpers)
     * @param doc when it applies
     */
    public record Formula(String name, List<String> params, String charge, List<String> opcodes, Expr expr, String doc) {
        public Formula {
            params = List.copyOf(params);
            opcodes = List.copyOf(opcodes);
        }
    }

    private static Expr n(long value) {
        return new Num(value);
    }

    private static Expr v(String name) {
        return new Input(name);
    }

    private static Expr op(String op, Expr... args) {
        return new Apply(op, Arrays.asList(args));
    }

    private static Formula formula(String name, String params, String charge, String opcodes, Expr expr, String doc) {
        return new Formula(name, params.isEmpty() ? List.of() : List.of(params.split(",")), charge, opcodes.isEmpty() ? List.of() : List.of(opcodes.split(",")), expr, doc);
    }

    private static Expr perWord(long cost) {
        return op("*", n(cost), op("words", v("length")));
    }

    private static final Expr COLD_ACCOUNT = op("if", v("cold"), n(COLD_ACCOUNT_ACCESS - WARM_ACCESS), n(0));
    private static final Expr VALUE_SENT = op("!=", v("value"), n(0));

    /** Every formula, helpers first, by name. */
    public static final Map<String, Formula> ALL = table(
                    formula("words", "bytes", "helper", "", op("/", op("+", v("bytes"), n(31)), n(32)), "32-byte words needed for bytes bytes"),
                    formula("memoryCost", "words", "helper", "", op("+", op("*", n(MEMORY_WORD), v("words")), op("/", op("*", v("words"), v("words")), n(MEMORY_QUAD_DIVISOR))),
                                    "the total cost of a memory of that many words"),
                    formula("memoryExpansion", "memoryBytes,offset,length", "dynamic",
                                    "MLOAD,MSTORE,MSTORE8,KECCAK256,SHA256,RIPEMD160,BLAKE2B,CALLDATACOPY,CODECOPY,EXTCODECOPY,RETURNDATACOPY,RETURN,REVERT,LOG0,LOG1,LOG2,LOG3,LOG4,CALL,CALLCODE,DELEGATECALL,STATICCALL,CREATE,CREATE2,PQ_VERIFY_DILITHIUM,PQ_VERIFY_FALCON,PQ_VERIFY_SPHINCS,PQ_KEYGEN",
                                    op("if", op("==", v("length"), n(0)), n(0),
                                                    op("max", n(0), op("-", op("memoryCost", op("words", op("+", v("offset"), v("length")))), op("memoryCost", op("words", v("memoryBytes")))))),
                                    "for each memory range [offset, offset+length) an instruction touches, memoryBytes being the size before (MSIZE); MLOAD and MSTORE touch 32 bytes, MSTORE8 one"),
                    formula("copy", "length", "dynamic", "CALLDATACOPY,CODECOPY,EXTCODECOPY,RETURNDATACOPY", perWord(COPY_WORD), "per word copied, plus memoryExpansion"),
                    formula("keccak256", "length", "dynamic", "KECCAK256", perWord(KECCAK_WORD), "per word hashed, plus memoryExpansion"),
                    formula("sha256", "length", "dynamic", "SHA256", perWord(SHA256_WORD), "per word hashed, plus memoryExpansion"),
                    formula("ripemd160", "length", "dynamic", "RIPEMD160", perWord(RIPEMD160_WORD), "per word hashed, plus memoryExpansion"),
                    formula("blake2b", "length", "dynamic", "BLAKE2B", perWord(BLAKE2B_WORD), "per word hashed, plus memoryExpansion"),
                    formula("exp", "exponentBytes", "dynamic", "EXP", op("*", n(EXP_BYTE), v("exponentBytes")), "per byte of the exponent (0 for exponent 0)"),
                    formula("log", "topics,length", "total", "LOG0,LOG1,LOG2,LOG3,LOG4", op("+", op("+", n(LOG), op("*", n(LOG_TOPIC), v("topics"))), op("*", n(LOG_DATA_BYTE), v("length"))),
                                    "LOGn's whole charge: its base gas is " + LOG + " + " + LOG_TOPIC + " per topic; plus memoryExpansion"),
                    formula("accountAccess", "cold", "dynamic", "BALANCE,EXTCODESIZE,EXTCODECOPY,EXTCODEHASH", COLD_ACCOUNT,
                                    "cold is 1 for the first access to an account in a transaction (EIP-2929); the caller, the contract itself and the precompiles start warm"),
                    formula("sload", "cold", "dynamic", "SLOAD", op("if", v("cold"), n(COLD_SLOAD - WARM_ACCESS), n(0)), "cold is 1 for the first access to the slot in the transaction"),
                    formula("sstore", "cold,original,current,new", "dynamic", "SSTORE",
                                    op("-", op("+", op("if", v("cold"), n(COLD_SLOAD), n(0)),
                                                    op("if", op("or", op("==", v("new"), v("current")), op("!=", v("original"), v("current"))), n(WARM_ACCESS),
                                                                    op("if", op("==", v("original"), n(0)), n(SSTORE_SET), n(SSTORE_RESET)))),
                                                    n(WARM_ACCESS)),
                                    "original: the slot's value when the transaction began, current: before this store, new: the value stored (EIP-2200, EIP-2929); "
                                                    + "SSTORE halts out of gas when no more than " + SSTORE_STIPEND_GUARD + " gas is left"),
                    formula("sstoreRefund", "original,current,new", "refund", "SSTORE",
                                    op("if", op("==", v("new"), v("current")), n(0),
                                                    op("+", op("if", op("and", op("!=", v("original"), n(0)), op("==", v("original"), v("current"))),
                                                                    op("if", op("==", v("new"), n(0)), n(SSTORE_CLEARS_REFUND), n(0)),
                                                                    op("if", op("==", v("original"), n(0)), n(0),
                                                                                    op("if", op("==", v("current"), n(0)), n(-SSTORE_CLEARS_REFUND),
                                                                                                    op("if", op("==", v("new"), n(0)), n(SSTORE_CLEARS_REFUND), n(0))))),
                                                                    op("if", op("and", op("!=", v("original"), v("current")), op("==", v("original"), v("new"))),
                                                                                    op("if", op("==", v("original"), n(0)), n(SSTORE_SET - WARM_ACCESS), n(SSTORE_RESET - WARM_ACCESS)), n(0)))),
                                    "the change to the refund counter (EIP-3529), which may be negative"),
                    formula("refundCap", "gasUsed", "gas", "", op("/", v("gasUsed"), n(MAX_REFUND_QUOTIENT)), "the most of the refund counter a transaction gets back"),
                    formula("call", "cold,value,targetEmpty", "dynamic", "CALL,CALLCODE,DELEGATECALL,STATICCALL",
                                    op("+", op("+", COLD_ACCOUNT, op("if", VALUE_SENT, n(CALL_VALUE), n(0))), op("if", op("and", VALUE_SENT, v("targetEmpty")), n(NEW_ACCOUNT), n(0))),
                                    "plus memoryExpansion of the argument and result areas, plus the gas forwarded; value is 0 for DELEGATECALL and STATICCALL, "
                                                    + "targetEmpty counts for CALL only"),
                    formula("callGasForwarded", "requested,gasLeft", "gas", "CALL,CALLCODE,DELEGATECALL,STATICCALL", op("min", v("requested"), op("-", v("gasLeft"), op("/", v("gasLeft"), n(64)))),
                                    "what the callee gets (EIP-150), gasLeft being what is left after the call's own charge; what it leaves unused comes back"),
                    formula("callStipend", "value", "gas", "CALL,CALLCODE", op("if", VALUE_SENT, n(CALL_STIPEND), n(0)), "given to the callee on top of the forwarded gas, free of charge"),
                    formula("create", "initcodeLength", "dynamic", "CREATE", op("*", n(INITCODE_WORD), op("words", v("initcodeLength"))),
                                    "plus memoryExpansion, the init code's execution and codeDeposit"),
                    formula("create2", "initcodeLength", "dynamic", "CREATE2", op("*", n(INITCODE_WORD + CREATE2_HASH_WORD), op("words", v("initcodeLength"))),
                                    "plus memoryExpansion, the init code's execution and codeDeposit"),
                    formula("codeDeposit", "codeLength", "total", "CREATE,CREATE2", op("*", n(CODE_DEPOSIT_BYTE), v("codeLength")), "charged when the init code returns the code to deploy"),
                    formula("selfdestruct", "cold,balance,beneficiaryEmpty", "dynamic", "SELFDESTRUCT",
                                    op("+", COLD_ACCOUNT, op("if", op("and", op("!=", v("balance"), n(0)), v("beneficiaryEmpty")), n(NEW_ACCOUNT), n(0))), "cold: the beneficiary's"),
                    formula("pqVerify", "messageLength", "dynamic", "PQ_VERIFY_DILITHIUM,PQ_VERIFY_FALCON,PQ_VERIFY_SPHINCS", op("*", n(PQ_MESSAGE_BYTE), v("messageLength")),
                                    "per message byte, plus memoryExpansion of the key, message and signature"),
                    formula("pqKeygen", "algorithm", "dynamic", "PQ_KEYGEN",
                                    op("if", op("==", v("algorithm"), n(Opcode.PQ_VERIFY_FALCON.code)), n(PQ_KEYGEN_FALCON),
                                                    op("if", op("==", v("algorithm"), n(Opcode.PQ_VERIFY_SPHINCS.code)), n(PQ_KEYGEN_SPHINCS), n(0))),
                                    "algorithm is the byte of the scheme's PQ_VERIFY opcode; a known one adds memoryExpansion of the 32-byte seed and of the "
                                                    + "public and private key written out, an unknown one costs nothing more"));

    private static Map<String, Formula> table(Formula... formulas) {
        Map<String, Formula> m = new LinkedHashMap<>();
        for (Formula f : formulas) {
            m.put(f.name(), f);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The value of formula {@code name} for {@code args}, its parameters in order. */
    public static long evaluate(String name, long... args) {
        Formula f = ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no gas formula '" + name + "'");
        }
        if (args.length != f.params().size()) {
            throw new IllegalArgumentException(name + " takes " + f.params() + ", got " + args.length + " values");
        }
        Map<String, Long> inputs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            inputs.put(f.params().get(i), args[i]);
        }
        return evaluate(f.expr(), inputs);
    }

    private static long evaluate(Expr e, Map<String, Long> inputs) {
        return switch (e) {
            case Num num -> num.value();
            case Input in -> inputs.get(in.name());
            case Apply a -> apply(a, inputs);
        };
    }

    private static long apply(Apply a, Map<String, Long> inputs) {
        if (a.op().equals("if")) {
            return evaluate(a.args().get(evaluate(a.args().get(0), inputs) != 0 ? 1 : 2), inputs);
        }
        long[] x = a.args().stream().mapToLong(arg -> evaluate(arg, inputs)).toArray();
        return switch (a.op()) {
            case "+" -> x[0] + x[1];
            case "-" -> x[0] - x[1];
            case "*" -> x[0] * x[1];
            case "/" -> Math.floorDiv(x[0], x[1]);
            case "min" -> Math.min(x[0], x[1]);
            case "max" -> Math.max(x[0], x[1]);
            case "==" -> x[0] == x[1] ? 1 : 0;
            case "!=" -> x[0] != x[1] ? 1 : 0;
            case "<" -> x[0] < x[1] ? 1 : 0;
            case "<=" -> x[0] <= x[1] ? 1 : 0;
            case ">" -> x[0] > x[1] ? 1 : 0;
            case ">=" -> x[0] >= x[1] ? 1 : 0;
            case "and" -> x[0] != 0 && x[1] != 0 ? 1 : 0;
            case "or" -> x[0] != 0 || x[1] != 0 ? 1 : 0;
            case "not" -> x[0] == 0 ? 1 : 0;
            default -> evaluate(a.op(), x);
        };
    }
}
