// SPDX-License-Identifier: Apache-2.0
package org.zvm.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.graalvm.polyglot.Engine;

import com.oracle.truffle.api.debug.DebugScope;
import com.oracle.truffle.api.debug.DebugStackFrame;
import com.oracle.truffle.api.debug.DebugValue;
import com.oracle.truffle.api.debug.Debugger;
import com.oracle.truffle.api.debug.DebuggerSession;
import com.oracle.truffle.api.debug.SuspendAnchor;
import com.oracle.truffle.api.debug.SuspendedEvent;
import com.oracle.truffle.api.source.SourceSection;

/**
 * {@code zvm step}: a terminal debugger on the Truffle debugger API, the same stops Chrome DevTools
 * makes (one per source line: each instruction of a {@code .zasm} or a listing, each Solidity line with a
 * source map). At each stop it prints where execution is and the frame's scope (stack, memory, storage
 * touched, gas), then reads commands from standard input until one resumes execution. Breakpoints by pc
 * or line are checked at every stop, so {@code continue} runs on to the next one that matches.
 */
final class Stepper implements AutoCloseable {
    static final String HELP = """
                    commands: s(tep) or Enter: next stop, entering calls | n(ext): next stop in this frame or its caller
                              o(ut): back to the caller | c(ontinue): run to a breakpoint or the end
                              b(reak) LINE | b(reak) NAME:LINE | b(reak) pc N: stop there (N decimal or 0x-hex)
                              d(elete): no breakpoints
                              p(rint): the stop again | q(uit): stop running | h(elp)""";

    private final DebuggerSession session;
    private final BufferedReader in;
    private final PrintStream out;
    /** Line breakpoints as {@code source-name:line}. */
    private final TreeSet<String> linePoints = new TreeSet<>();
    private final TreeSet<Long> pcPoints = new TreeSet<>();
    /** Running on to a breakpoint: stops that match none are passed silently. */
    private boolean continuing;
    /** Standard input ended: run to the end without asking again. */
    private boolean inputEnded;

    Stepper(Engine engine, BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
        this.session = Debugger.find(engine).startSession(this::onSuspend);
        session.suspendNextExecution();
    }

    private void onSuspend(SuspendedEvent event) {
        if (event.getSuspendAnchor() == SuspendAnchor.AFTER) {
            // Back in a caller after "out": its CALL is still finishing, so go on to the next instruction.
            event.prepareStepInto(1);
            return;
        }
        DebugStackFrame top = event.getTopStackFrame();
        DebugScope scope = top.getScope();
        long pc = scope == null ? -1 : scope.getDeclaredValue("pc").asLong();
        SourceSection section = event.getSourceSection();
        if (inputEnded || continuing && !pcPoints.contains(pc) && !linePoints.contains(section.getSource().getName() + ":" + section.getStartLine())) {
            event.prepareStepInto(1);
            return;
        }
        continuing = false;
        print(event, scope);
        while (true) {
            out.print("(zvm) ");
            out.flush();
            String line = readLine();
            if (line == null) {
                inputEnded = true;
                out.println();
                event.prepareContinue();
                return;
            }
            if (command(event, scope, line.strip())) {
                return;
            }
        }
    }

    /** Runs one command; true when it resumes execution. */
    private boolean command(SuspendedEvent event, DebugScope scope, String line) {
        String[] words = line.isEmpty() ? new String[]{"s"} : line.split("\\s+");
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "s", "step" -> event.prepareStepInto(1);
            case "n", "next" -> event.prepareStepOver(1);
            case "o", "out" -> event.prepareStepOut(1);
            case "c", "continue" -> {
                continuing = true;
                event.prepareStepInto(1);
            }
            case "q", "quit" -> event.prepareKill();
            case "b", "break" -> {
                breakpoint(words, event.getSourceSection().getSource().getName());
                return false;
            }
            case "d", "delete" -> {
                linePoints.clear();
                pcPoints.clear();
                out.println("no breakpoints");
                return false;
            }
            case "p", "print" -> {
                print(event, scope);
                return false;
            }
            case "h", "help" -> {
                out.println(HELP);
                return false;
            }
            default -> {
                out.println("unknown command '" + words[0] + "' (h for help)");
                return false;
            }
        }
        return true;
    }

    /** {@code b LINE} (in {@code source}), {@code b NAME:LINE} or {@code b pc N}. */
    private void breakpoint(String[] words, String source) {
        try {
            if (words.length == 3 && words[1].equals("pc")) {
                long pc = Long.decode(words[2]);
                pcPoints.add(pc);
                out.println("breakpoint at pc " + pc + " (0x" + Long.toHexString(pc) + ")");
            } else if (words.length == 2) {
                int colon = words[1].lastIndexOf(':');
                String name = colon < 0 ? source : words[1].substring(0, colon);
                int line = Integer.parseInt(words[1].substring(colon + 1));
                linePoints.add(name + ":" + line);
                out.println("breakpoint at " + name + ":" + line);
            } else {
                out.println("break LINE, break NAME:LINE or break pc N");
            }
        } catch (NumberFormatException e) {
            out.println("not a number: " + words[words.length - 1]);
        }
    }

    /** Where execution stands and the frame's state. */
    private void print(SuspendedEvent event, DebugScope scope) {
        SourceSection s = event.getSourceSection();
        int depth = 0;
        for (DebugStackFrame ignored : event.getStackFrames()) {
            depth++;
        }
        out.println("[depth " + depth + "] " + (scope == null ? "" : scope.getName() + "  ") + s.getSource().getName() + ":" + s.getStartLine() +
                        "  gas " + (scope == null ? "?" : scope.getDeclaredValue("gas").asLong()));
        String text = s.getSource().getCharacters(s.getStartLine()).toString().strip();
        out.println(String.format(Locale.ROOT, "%5d | %s", s.getStartLine(), text));
        if (scope == null) {
            return;
        }
        DebugValue functions = scope.getDeclaredValue("functions");
        if (functions != null) {
            // The Solidity call stack, innermost first, each caller at its call.
            out.println("  in      " + String.join(" < ", functions.getArray().stream().map(DebugValue::asString).toList()));
        }
        List<DebugValue> stack = scope.getDeclaredValue("stack").getArray();
        StringBuilder sb = new StringBuilder("  stack   (top first):");
        for (int i = stack.size() - 1; i >= 0; i--) {
            sb.append(' ').append(stack.get(i).asString());
        }
        out.println(stack.isEmpty() ? "  stack   (empty)" : sb);
        printMembers("memory ", scope.getDeclaredValue("memory"));
        printMembers("storage", scope.getDeclaredValue("storage"));
    }

    private void printMembers(String label, DebugValue record) {
        var members = record.getProperties();
        if (members == null || members.isEmpty()) {
            out.println("  " + label + " (empty)");
            return;
        }
        for (DebugValue v : members) {
            out.println("  " + label + " " + v.getName() + ": " + v.asString());
        }
    }

    private String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
