// SPDX-License-Identifier: Apache-2.0
package org.zvm.debug;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The contracts and functions a Solidity source defines, with their byte ranges as solc counts them (UTF-8
 * offsets, from the keyword to the closing brace): a lexical scan, not a parser. Comments and string
 * literals are skipped, and a definition is a keyword followed by its name ({@code contract C},
 * {@code function f}, {@code modifier m}) or, for {@code constructor}, {@code fallback} and {@code receive},
 * by its parameter list; it ends at the brace matching the first one outside parentheses, or at a
 * {@code ;} for a declaration without a body. The source map alone does not show every function:
 * solc inlines {@code receive}, {@code fallback} and modifiers, so no instruction maps to their definitions.
 */
final class SolidityOutline {
    /** A definition's range in source {@code file} and its name; {@code contract} for a contract, library or interface. */
    record Definition(int file, int start, int end, String name, boolean contract) {
        boolean contains(int f, int s, int e) {
            return f == file && start <= s && e <= end;
        }
    }

    private static final Set<String> CONTRACTS = Set.of("contract", "library", "interface");
    private static final Set<String> NAMED = Set.of("function", "modifier");
    private static final Set<String> SPECIAL = Set.of("constructor", "fallback", "receive");

    /** A token: an identifier or keyword, or one of {@code { } ( ) ;}. */
    private record Token(int start, int end, String text) {
        boolean isIdentifier() {
            char c = text.charAt(0);
            return Character.isLetter(c) || c == '_' || c == '$';
        }
    }

    private SolidityOutline() {
    }

    /** The definitions in {@code text} (source {@code file}'s UTF-8 bytes), in source order. */
    static List<Definition> scan(byte[] text, int file) {
        List<Token> tokens = tokens(text);
        List<Definition> definitions = new ArrayList<>();
        for (int k = 0; k + 1 < tokens.size(); k++) {
            Token t = tokens.get(k);
            Token next = tokens.get(k + 1);
            if (CONTRACTS.contains(t.text()) && next.isIdentifier()) {
                int start = k > 0 && tokens.get(k - 1).text().equals("abstract") ? tokens.get(k - 1).start() : t.start();
                definitions.add(new Definition(file, start, end(tokens, k + 2, text.length), next.text(), true));
            } else if (NAMED.contains(t.text()) && next.isIdentifier()) {
                definitions.add(new Definition(file, t.start(), end(tokens, k + 2, text.length), next.text(), false));
            } else if (SPECIAL.contains(t.text()) && next.text().equals("(")) {
                definitions.add(new Definition(file, t.start(), end(tokens, k + 1, text.length), t.text(), false));
            }
        }
        return definitions;
    }

    /** Where the definition whose header continues at token {@code from} ends: after its body or its {@code ;}. */
    private static int end(List<Token> tokens, int from, int textEnd) {
        int parens = 0;
        for (int k = from; k < tokens.size(); k++) {
            switch (tokens.get(k).text()) {
                case "(" -> parens++;
                case ")" -> parens--;
                case ";" -> {
                    if (parens == 0) {
                        return tokens.get(k).end();
                    }
                }
                case "{" -> {
                    if (parens == 0) {
                        return matchingBrace(tokens, k, textEnd);
                    }
                }
                default -> {
                }
            }
        }
        return textEnd;
    }

    private static int matchingBrace(List<Token> tokens, int open, int textEnd) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            String s = tokens.get(k).text();
            depth += s.equals("{") ? 1 : s.equals("}") ? -1 : 0;
            if (depth == 0) {
                return tokens.get(k).end();
            }
        }
        return textEnd;
    }

    /** Identifiers and the punctuation that delimits definitions, without comments, strings and numbers. */
    private static List<Token> tokens(byte[] b) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            char c = (char) (b[i] & 0xff);
            if (c == '/' && i + 1 < b.length && b[i + 1] == '/') {
                while (i < b.length && b[i] != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < b.length && b[i + 1] == '*') {
                i += 2;
                while (i + 1 < b.length && !(b[i] == '*' && b[i + 1] == '/')) {
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < b.length && b[i] != c && b[i] != '\n') {
                    i += b[i] == '\\' ? 2 : 1;
                }
                i++;
            } else if (isWordByte(c)) {
                int start = i;
                while (i < b.length && isWordByte((char) (b[i] & 0xff))) {
                    i++;
                }
                if (!Character.isDigit(c)) {
                    tokens.add(new Token(start, i, new String(b, start, i - start, StandardCharsets.US_ASCII)));
                }
            } else {
                if ("{}();".indexOf(c) >= 0) {
                    tokens.add(new Token(i, i + 1, String.valueOf(c)));
                }
                i++;
            }
        }
        return tokens;
    }

    /** Solidity identifiers (and the numbers skipped with them) are ASCII. */
    private static boolean isWordByte(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '$');
    }
}
