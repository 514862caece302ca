// SPDX-License-Identifier: Apache-2.0
package org.zvm.wasm.parser;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.zvm.wasm.ValueTypes;
import org.zvm.wasm.nodes.WasmRootNode;
import org.zvm.wasm.runtime.FuncType;
import org.zvm.wasm.runtime.Instance;

/**
 * A decoded and validated module, its functions already built into nodes for the one {@link Instance}
 * they belong to (a module is parsed again for every instantiation, which the spec tests never repeat).
 */
public final class WasmModule {
    public static final int FUNC = 0;
    public static final int TABLE = 1;
    public static final int MEMORY = 2;
    public static final int GLOBAL = 3;

    /** Limits in pages or entries; {@code max} is -1 when absent. */
    public record Limits(long min, long max) {
    }

    public record TableType(byte elementType, Limits limits) {
    }

    public record GlobalType(byte type, boolean mutable) {
    }

    /**
     * An import: {@code kind} {@link #FUNC} ({@code typeIndex}), {@link #TABLE} ({@code table}),
     * {@link #MEMORY} ({@code memory}) or {@link #GLOBAL} ({@code global}).
     */
    public record Import(String module, String name, int kind, int typeIndex, TableType table, Limits memory, GlobalType global) {
    }

    public record Export(String name, int kind, int index) {
    }

    /**
     * A constant expression: one instruction ({@code opcode} 0x41-0x44 with the constant's bits,
     * 0xd0 ref.null, 0xd2 ref.func or 0x23 global.get with the index in {@code value}, 0xfd v128.const
     * with its {@code vector}).
     */
    public record ConstExpr(int opcode, long value, Object vector) {
        public ConstExpr(int opcode, long value) {
            this(opcode, value, null);
        }
    }

    /** mode: 0 active, 1 passive, 2 declarative. */
    public record ElemSegment(int mode, int table, ConstExpr offset, byte type, ConstExpr[] items) {
    }

    public record DataSegment(boolean active, int memory, ConstExpr offset, byte[] bytes) {
    }

    /**
     * Proposals beyond MVP integer code that an embedder may refuse (Soroban's VM disables them all, as
     * wasmi's feature flags do): recorded while decoding, so checking needs no second pass.
     */
    public enum Feature {
        /** f32/f64 values or instructions. */
        FLOATS,
        /** Non-trapping float-to-int conversions. */
        SATURATING_FLOAT_TO_INT,
        /** Several results, or block parameters. */
        MULTI_VALUE,
        /** Reference values, typed select, several tables. */
        REFERENCE_TYPES,
        /** 128-bit vectors. */
        SIMD
    }

    public final Instance instance;
    /** The {@link Feature}s the module uses. */
    public final EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
    public FuncType[] types = new FuncType[0];
    public final List<Import> imports = new ArrayList<>();
    /** Type of every function, imported ones first. */
    public int[] functionTypes = new int[0];
    public int importedFunctions;
    public final List<TableType> tables = new ArrayList<>();
    public final List<Limits> memories = new ArrayList<>();
    public final List<GlobalType> globals = new ArrayList<>();
    public int importedGlobals;
    /** Initializers of the globals the module defines. */
    public final List<ConstExpr> globalInits = new ArrayList<>();
    public final List<Export> exports = new ArrayList<>();
    public int start = -1;
    public ElemSegment[] elements = new ElemSegment[0];
    public DataSegment[] data = new DataSegment[0];
    /** The functions the module defines. */
    public WasmRootNode[] code = new WasmRootNode[0];

    WasmModule(Instance instance) {
        this.instance = instance;
    }

    /** Records what using a value of {@code type} implies. */
    void use(byte type) {
        switch (type) {
            case ValueTypes.F32, ValueTypes.F64 -> features.add(Feature.FLOATS);
            case ValueTypes.V128 -> features.add(Feature.SIMD);
            case ValueTypes.FUNCREF, ValueTypes.EXTERNREF -> features.add(Feature.REFERENCE_TYPES);
            default -> {
            }
        }
    }

    /** Records what a function type, or a block's type ({@code block}), implies. */
    void use(FuncType type, boolean block) {
        if (type.results().length > 1 || block && type.params().length > 0) {
            features.add(Feature.MULTI_VALUE);
        }
    }

    public FuncType functionType(int index) {
        return types[functionTypes[index]];
    }
}
