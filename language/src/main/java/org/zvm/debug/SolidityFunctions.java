// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zvm.builder.CodeModel;
import org.zvm.builder.InstructionInfo;
import org.zvm.debug.SolidityOutline.Definition;

import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The Solidity functions of one piece of EVM code, found from solc's source map and the sources alone
 * (no AST): the sources' definitions ({@link SolidityOutline}) plus the public state variables whose
 * getters the map points at; the innermost definition around an instruction's range is the function it
 * belongs to (solc maps a function's entry to its whole definition, its statements inside it, and the
 * dispatcher to the contract). The dispatcher's {@code PUSH4 selector EQ PUSH tag JUMPI} tests give the
 * external function a selector calls; the map's jump marks ({@code i} into a function, {@code o} out of
 * one) let {@link SolidityCallsInstrument} follow internal calls.
 *
 * <p>{@link #frames} turns that into the Solidity call stack debuggers show: the external function, then
 * each internal function entered, without compiler-generated helpers (their code has no Solidity range).
 */
public final class SolidityFunctions {
    /** One Solidity function activation: {@code Contract.function} and where it is (for callers: the call). */
    public record Frame(String name, SourceSection location) {
        /** {@code Token._move (Token.sol:48)}, or only the name where the location is unknown. */
        @Override
        public String toString() {
            if (location == null || !location.isAvailable()) {
                return name;
            }
            return name + " (" + location.getSource().getName() + ":" + location.getStartLine() + ")";
        }
    }

    /** A public state variable's declaration, to which solc maps its getter: {@code uint256 public count}. */
    private static final Pattern GETTER = Pattern.compile("\\bpublic\\s+(?:(?:constant|immutable|override(?:\\([^)]*\\))?)\\s+)*([A-Za-z_$][A-Za-z0-9_$]*)");

    /** By instruction start: the innermost function definition around it, or null. */
    private final Definition[] functionAt;
    /** By instruction start: the range (file, start, end) the map gives it, file -1 when none. */
    private final int[][] rangeAt;
    /** By instruction start: {@code 'i'}, {@code 'o'} or 0. */
    private final byte[] jumpAt;
    private final SourceSection[] sections;
    private final Map<Long, Definition> bySelector = new HashMap<>();
    private final Definition contract;
    private Definition receive;
    private Definition fallback;

    /**
     * @param entryAt the map entry of each instruction start, -1 elsewhere
     * @param sections the section each instruction start shows
     */
    SolidityFunctions(CodeModel model, List<Source> sources, int[] entryAt, int[] start, int[] length, int[] file, char[] jump, SourceSection[] sections) {
        int codeLength = model.code().length;
        this.functionAt = new Definition[codeLength];
        this.rangeAt = new int[codeLength][];
        this.jumpAt = new byte[codeLength];
        this.sections = sections;
        List<byte[]> texts = new ArrayList<>();
        for (Source s : sources) {
            texts.add(s.getCharacters().toString().getBytes(StandardCharsets.UTF_8));
        }
        List<Definition> contracts = new ArrayList<>();
        List<Definition> found = new ArrayList<>();
        for (int f = 0; f < texts.size(); f++) {
            for (Definition d : SolidityOutline.scan(texts.get(f), f)) {
                (d.contract() ? contracts : found).add(d);
            }
        }
        Set<List<Integer>> ranges = new HashSet<>();
        for (int i = 0; i < start.length; i++) {
            if (ranges.add(List.of(file[i], start[i], length[i]))) {
                Definition getter = getter(texts, file[i], start[i], length[i]);
                if (getter != null) {
                    found.add(getter);
                }
            }
        }
        int first = entryAt.length > 0 ? entryAt[0] : -1;
        this.contract = first < 0 ? null : innermost(contracts, file[first], start[first], start[first] + length[first]);
        List<Definition> functions = new ArrayList<>();
        for (Definition d : found) {
            Definition owner = innermost(contracts, d.file(), d.start(), d.end());
            Definition named = new Definition(d.file(), d.start(), d.end(), owner == null ? d.name() : owner.name() + "." + d.name(), false);
            functions.add(named);
            if (owner != null && owner == contract && d.name().equals("receive")) {
                receive = named;
            } else if (owner != null && owner == contract && d.name().equals("fallback")) {
                fallback = named;
            }
        }
        for (int pc = 0; pc < codeLength; pc++) {
            int e = entryAt[pc];
            if (e < 0) {
                continue;
            }
            rangeAt[pc] = new int[]{file[e], start[e], start[e] + length[e]};
            functionAt[pc] = innermost(functions, file[e], start[e], start[e] + length[e]);
            jumpAt[pc] = (byte) (jump[e] == 'i' || jump[e] == 'o' ? jump[e] : 0);
        }
        findSelectors(model);
    }

    /** The getter of the public state variable declared at {@code [s, s+l)} of {@code file}, or null when it is none. */
    private static Definition getter(List<byte[]> texts, int f, int s, int l) {
        if (f < 0 || f >= texts.size() || s < 0 || l <= 0 || s + l > texts.get(f).length) {
            return null;
        }
        String text = new String(texts.get(f), s, l, StandardCharsets.UTF_8);
        Matcher m = GETTER.matcher(text);
        if (text.indexOf('{') < 0 && text.indexOf(';') < 0 && !text.startsWith("function") && m.find()) {
            return new Definition(f, s, s + l, m.group(1), false);
        }
        return null;
    }

    private static Definition innermost(List<Definition> candidates, int f, int s, int e) {
        Definition best = null;
        for (Definition d : candidates) {
            if (d.contains(f, s, e) && (best == null || d.end() - d.start() < best.end() - best.start())) {
                best = d;
            }
        }
        return best;
    }

    /** The dispatcher's {@code PUSH4 selector, EQ, PUSH tag, JUMPI}: the tag's function answers the selector. */
    private void findSelectors(CodeModel model) {
        List<InstructionInfo> window = new ArrayList<>();
        for (int pc = 0; pc < model.code().length;) {
            InstructionInfo ins = model.decode(pc);
            window.add(ins);
            if (window.size() > 4) {
                window.removeFirst();
            }
            if (window.size() == 4 && window.get(0).length() == 5 && window.get(0).pushValue() != null && "EQ".equals(window.get(1).mnemonic())
                            && window.get(2).pushValue() != null && window.get(2).length() <= 4 && window.get(3).control() == InstructionInfo.Control.JUMPI) {
                long tag = window.get(2).pushValue().w0();
                if (tag >= 0 && tag < functionAt.length && functionAt[(int) tag] != null) {
                    bySelector.putIfAbsent(window.get(0).pushValue().w0(), functionAt[(int) tag]);
                }
            }
            pc += ins.length();
        }
    }

    /** {@code 'i'} if the instruction at {@code pc} jumps into a function, {@code 'o'} if out of one, else 0. */
    public int jump(int pc) {
        return pc >= 0 && pc < jumpAt.length ? jumpAt[pc] : 0;
    }

    /** The function the instruction at {@code pc} belongs to ({@code Contract.function}), or null. */
    public String functionAt(int pc) {
        Definition d = pc >= 0 && pc < functionAt.length ? functionAt[pc] : null;
        return d == null ? null : d.name();
    }

    /** The external function {@code calldata} calls: by selector, else {@code receive} or {@code fallback}. */
    private Definition external(byte[] calldata) {
        if (calldata.length >= 4) {
            long selector = ((calldata[0] & 0xffL) << 24) | ((calldata[1] & 0xff) << 16) | ((calldata[2] & 0xff) << 8) | (calldata[3] & 0xff);
            Definition d = bySelector.get(selector);
            if (d != null) {
                return d;
            }
        }
        return calldata.length == 0 && receive != null ? receive : fallback;
    }

    /**
     * The Solidity call stack, innermost first, at the instruction {@code pc} of a frame called with
     * {@code calldata} that entered the internal {@code calls} ({@code {call site pc, target pc}}, outermost
     * first, as {@link SolidityCallsInstrument} records them). Empty when nothing of it is Solidity.
     */
    public List<Frame> frames(byte[] calldata, int pc, List<int[]> calls) {
        List<Definition> functions = new ArrayList<>();
        List<Integer> sites = new ArrayList<>();
        Definition external = external(calldata);
        if (external != null) {
            functions.add(external);
            sites.add(-1);
        }
        for (int[] call : calls) {
            int site = call[0];
            Definition callee = call[1] >= 0 && call[1] < functionAt.length ? functionAt[call[1]] : null;
            if (callee == null) {
                continue;  // a compiler-generated helper
            }
            boolean intoOwnBody = functionAt[site] == callee && rangeAt[site][1] == callee.start() && rangeAt[site][2] == callee.end();
            if (intoOwnBody && !functions.isEmpty() && functions.getLast() == callee) {
                continue;  // the external function's ABI wrapper entering its body: the same activation
            }
            functions.add(callee);
            sites.add(site);
        }
        Definition here = pc < functionAt.length ? functionAt[pc] : null;
        if (here != null && (functions.isEmpty() || functions.getLast() != here)) {
            // An inlined modifier (or code entered before the calls were followed): no call site to show.
            functions.add(here);
            sites.add(-1);
        }
        List<Frame> frames = new ArrayList<>();
        for (int k = functions.size() - 1; k >= 0; k--) {
            int at = k == functions.size() - 1 ? pc : sites.get(k + 1);
            frames.add(new Frame(functions.get(k).name(), at >= 0 && at < sections.length ? sections[at] : null));
        }
        if (frames.isEmpty() && contract != null) {
            frames.add(new Frame(contract.name(), pc < sections.length ? sections[pc] : null));
        }
        return frames;
    }
}
