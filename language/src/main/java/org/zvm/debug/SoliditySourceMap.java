// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zvm.ZvmLanguage;
import org.zvm.builder.CodeModel;
import org.zvm.builder.InstructionInfo;
import org.zvm.nodes.ZvmInstructionNode;
import org.zvm.error.ZvmLoadError;
import org.zvm.runtime.CodeFormat;

import com.oracle.truffle.api.TruffleLanguage;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * solc's source map ({@code evm.deployedBytecode.sourceMap}): for each instruction in code order, the
 * byte range {@code s:l} of source file {@code f} it was compiled from. {@link #over} puts it on a code
 * model, so debuggers show the Solidity source instead of the disassembly; instructions the compiler
 * generated without a source ({@code f = -1}) get an unavailable section and are never a debugger stop.
 *
 * <p>The format is compressed: entries are separated by {@code ;}, fields by {@code :}, and an empty
 * field repeats the previous entry's value. The fourth field marks jumps into ({@code i}) and out of
 * ({@code o}) a function, from which {@link SolidityFunctions} follows the Solidity call stack.
 */
public final class SoliditySourceMap {
    /** The MIME type of Solidity sources shown by debuggers (never parsed by zvm). */
    public static final String SOLIDITY_MIME = "text/x-solidity";

    private final int[] start;
    private final int[] length;
    private final int[] file;
    private final char[] jump;

    private SoliditySourceMap(int[] start, int[] length, int[] file, char[] jump) {
        this.start = start;
        this.length = length;
        this.file = file;
        this.jump = jump;
    }

    /** Decompresses {@code text}; a malformed field is an {@link IllegalArgumentException} naming it. */
    public static SoliditySourceMap parse(String text) {
        String[] entries = text.strip().split(";", -1);
        int[] s = new int[entries.length];
        int[] l = new int[entries.length];
        int[] f = new int[entries.length];
        char[] j = new char[entries.length];
        int ps = 0;
        int pl = 0;
        int pf = -1;
        char pj = '-';
        for (int i = 0; i < entries.length; i++) {
            String[] fields = entries[i].split(":", -1);
            ps = field(fields, 0, ps, i);
            pl = field(fields, 1, pl, i);
            pf = field(fields, 2, pf, i);
            pj = jumpField(fields, pj, i);
            s[i] = ps;
            l[i] = pl;
            f[i] = pf;
            j[i] = pj;
        }
        return new SoliditySourceMap(s, l, f, j);
    }

    private static int field(String[] fields, int index, int previous, int entry) {
        if (index >= fields.length || fields[index].isEmpty()) {
            return previous;
        }
        try {
            return Integer.parseInt(fields[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry " + entry + ": '" + fields[index] + "' is not a number");
        }
    }

    private static char jumpField(String[] fields, char previous, int entry) {
        if (fields.length <= 3 || fields[3].isEmpty()) {
            return previous;
        }
        if (fields[3].length() != 1 || "io-".indexOf(fields[3].charAt(0)) < 0) {
            throw new IllegalArgumentException("entry " + entry + ": jump '" + fields[3] + "' is not i, o or -");
        }
        return fields[3].charAt(0);
    }

    /**
     * {@code model} shown through the source map in file {@code mapPath} over the comma-separated
     * {@code sourcePaths} (the {@code zvm.SourceMap} and {@code zvm.Sources} options); a file that cannot
     * be read or parsed is a {@link ZvmLoadError} naming it.
     */
    public static CodeModel apply(TruffleLanguage.Env env, String mapPath, String sourcePaths, CodeModel model) {
        SoliditySourceMap map;
        try {
            map = parse(new String(env.getPublicTruffleFile(mapPath).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException | IllegalArgumentException e) {
            throw new ZvmLoadError("--source-map " + mapPath + ": " + e.getMessage());
        }
        List<Source> sources = new ArrayList<>();
        for (String path : sourcePaths.split(",")) {
            if (path.isBlank()) {
                continue;
            }
            try {
                sources.add(Source.newBuilder(ZvmLanguage.ID, env.getPublicTruffleFile(path.strip())).mimeType(SOLIDITY_MIME).build());
            } catch (IOException | SecurityException e) {
                throw new ZvmLoadError("--sources " + path.strip() + ": cannot read: " + e.getMessage());
            }
        }
        if (sources.isEmpty()) {
            throw new ZvmLoadError("--source-map " + mapPath + " needs the Solidity files it refers to (--sources A.sol[,B.sol])");
        }
        return map.over(model, sources);
    }

    /** Number of instructions the map covers. */
    public int size() {
        return start.length;
    }

    /** {@code model} with its sections taken from {@code sources} (indexed by solc's source id) through this map. */
    public CodeModel over(CodeModel model, List<Source> sources) {
        return new Mapped(model, sources);
    }

    /** A code model whose source is the Solidity file and whose sections follow the map. */
    private final class Mapped implements CodeModel {
        private final CodeModel model;
        private final List<Source> sources;
        /** Section by byte offset of an instruction start; null between them. */
        private final SourceSection[] sections;
        private final SolidityFunctions functions;

        Mapped(CodeModel model, List<Source> sources) {
            this.model = model;
            this.sources = sources;
            int codeLength = model.code().length;
            this.sections = new SourceSection[codeLength];
            int[] entryAt = new int[codeLength];
            Arrays.fill(entryAt, -1);
            List<int[]> charOffsets = new ArrayList<>();
            for (Source s : sources) {
                charOffsets.add(charOffsets(s));
            }
            int index = 0;
            for (int pc = 0; pc < codeLength; index++) {
                sections[pc] = section(index, charOffsets);
                entryAt[pc] = index < start.length ? index : -1;
                pc += model.decode(pc).length();
            }
            this.functions = new SolidityFunctions(model, sources, entryAt, start, length, file, jump, sections);
        }

        private SourceSection section(int index, List<int[]> charOffsets) {
            if (index >= start.length || file[index] < 0 || file[index] >= sources.size()) {
                return sources.getFirst().createUnavailableSection();
            }
            Source source = sources.get(file[index]);
            int[] chars = charOffsets.get(file[index]);
            int from = start[index];
            int to = from + length[index];
            if (from < 0 || to > chars.length - 1 || to < from) {
                return source.createUnavailableSection();
            }
            return source.createSection(chars[from], chars[to] - chars[from]);
        }

        @Override
        public byte[] code() {
            return model.code();
        }

        @Override
        public CodeFormat format() {
            return model.format();
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public Source source() {
            return sources.getFirst();
        }

        @Override
        public InstructionInfo decode(int pc) {
            return model.decode(pc);
        }

        @Override
        public boolean isJumpDestination(long pc) {
            return model.isJumpDestination(pc);
        }

        @Override
        public ZvmInstructionNode createNode(InstructionInfo ins) {
            return model.createNode(ins);
        }

        @Override
        public SourceSection section(int pc) {
            return sections[pc];
        }

        @Override
        public SolidityFunctions solidity() {
            return functions;
        }
    }

    /** solc counts UTF-8 bytes, Truffle sections count chars: the char index of every byte offset (and of the end). */
    private static int[] charOffsets(Source source) {
        String text = source.getCharacters().toString();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] chars = new int[utf8.length + 1];
        int b = 0;
        for (int c = 0; c < text.length(); c++) {
            int cp = text.codePointAt(c);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int k = 0; k < width; k++) {
                chars[b++] = c;
            }
            if (Character.isSupplementaryCodePoint(cp)) {
                c++;
            }
        }
        chars[b] = text.length();
        return chars;
    }
}
