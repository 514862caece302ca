// SPDX-License-Identifier: Apache-2.0
package org.zvm.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zvm.abi.AbiType.Tuple;

/**
 * Reads type spellings and human-readable signatures such as {@code transfer(address to, uint256 amount)}
 * or {@code balanceOf(address)(uint256)}: parameter names and the data-location keywords are allowed and
 * kept out of the canonical form. Errors name the character position.
 */
final class SignatureParser {
    private static final Set<String> SKIPPED = Set.of("memory", "calldata", "storage", "indexed", "payable");

    private final String text;
    private int pos;

    SignatureParser(String text) {
        this.text = text;
    }

    /** {@code name(inputs)} with an optional {@code (outputs)} or {@code returns (outputs)}. */
    AbiFunction function() {
        skipSpace();
        if (text.startsWith("function ", pos)) {
            pos += "function ".length();
            skipSpace();
        }
        String name = identifier();
        if (name.isEmpty()) {
            throw error("expected a function name");
        }
        Tuple inputs = parameterList();
        skipSpace();
        String mutability = "nonpayable";
        for (String word = peekIdentifier(); !word.isEmpty() && !word.equals("returns"); word = peekIdentifier()) {
            identifier();
            if (Set.of("view", "pure", "payable").contains(word)) {
                mutability = word;
            } else if (!Set.of("external", "public").contains(word)) {
                throw error("unexpected '" + word + "'");
            }
        }
        if (peekIdentifier().equals("returns")) {
            identifier();
        }
        skipSpace();
        Tuple outputs = pos < text.length() ? parameterList() : null;
        end();
        return new AbiFunction(name, inputs, outputs, mutability);
    }

    /** {@code (T name, ...)}: the types and their names. */
    Tuple parameterList() {
        expect('(');
        List<AbiType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Tuple(types, names);
        }
        while (true) {
            types.add(type());
            String name = "";
            for (String word = identifier(); !word.isEmpty(); word = identifier()) {
                if (!SKIPPED.contains(word)) {
                    if (!name.isEmpty()) {
                        throw error("unexpected '" + word + "'");
                    }
                    name = word;
                }
            }
            names.add(name);
            skipSpace();
            char c = peek();
            pos++;
            if (c == ')') {
                return new Tuple(types, names);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ')'");
            }
        }
    }

    /** One type with its array suffixes. */
    AbiType type() {
        skipSpace();
        AbiType t;
        if (peek() == '(') {
            t = parameterList();
        } else {
            int at = pos;
            String name = identifier();
            if (name.equals("tuple") && peek() == '(') {
                t = parameterList();
            } else if (name.isEmpty()) {
                throw error("expected a type");
            } else {
                try {
                    t = AbiType.elementary(name);
                } catch (AbiException e) {
                    throw new AbiException(e.getMessage() + " at position " + at + " of '" + text + "'");
                }
            }
        }
        while (peek() == '[') {
            pos++;
            int start = pos;
            while (Character.isDigit(peek())) {
                pos++;
            }
            String digits = text.substring(start, pos);
            expect(']');
            if (digits.length() > 6) {
                throw error("array length " + digits + " is too large");
            }
            t = new AbiType.Array(t, digits.isEmpty() ? -1 : Integer.parseInt(digits));
        }
        return t;
    }

    void end() {
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String peekIdentifier() {
        int saved = pos;
        String word = identifier();
        pos = saved;
        return word;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private AbiException error(String what) {
        String where = pos >= text.length() ? "at the end" : "at position " + pos;
        return new AbiException(what + " " + where + " of '" + text + "'");
    }
}
