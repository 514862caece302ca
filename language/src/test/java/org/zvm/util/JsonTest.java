// SPDX-License-Identifier: Apache-2.0
package org.zvm.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zvm.error.ZvmParseException;

class JsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, true, false, null, \"x\"], \"b\": {}, \"c\": []}\n");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(m.keySet()));
        List<?> a = (List<?>) m.get("a");
        assertEquals(BigInteger.ONE, a.get(0));
        assertEquals(BigInteger.valueOf(-2), a.get(1));
        assertEquals(new BigDecimal("3.5"), a.get(2));
        assertEquals(new BigDecimal("1e3"), a.get(3));
        assertEquals(Boolean.TRUE, a.get(4));
        assertEquals(Boolean.FALSE, a.get(5));
        assertSame(Json.NULL, a.get(6));
        assertEquals("x", a.get(7));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of(), m.get("c"));
    }

    @Test
    void bigIntegersKeepEveryDigit() {
        String big = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        assertEquals(new BigInteger(big), Json.parse(big));
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), Json.parse(Long.toString(Long.MIN_VALUE)));
        assertEquals(new BigInteger("999999999999999999"), Json.parse("999999999999999999"));
        assertEquals(BigInteger.ZERO, Json.parse("-0"));
    }

    @Test
    void stringEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\té€😀", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\""));
        assertEquals("plain", Json.parse("\"plain\""));
    }

    @Test
    void keepsMemberOrder() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(m.keySet()));
    }

    private static void rejects(String json, String message) {
        ZvmParseException e = assertThrows(ZvmParseException.class, () -> Json.parse(json), json);
        assertEquals(message, e.getMessage(), json);
    }

    @Test
    void rejectsWhatRfc8259Forbids() {
        rejects("", "JSON: expected a value, found end of input at offset 0");
        rejects("  ", "JSON: expected a value, found end of input at offset 2");
        rejects("[1,]", "JSON: expected a value, found character ']' at offset 3");
        rejects("{\"a\":1,}", "JSON: expected a member name, found character '}' at offset 7");
        rejects("{a:1}", "JSON: expected a member name, found character 'a' at offset 1");
        rejects("{\"a\" 1}", "JSON: expected ':', found character '1' at offset 5");
        rejects("[1 2]", "JSON: expected ',' or ']', found character '2' at offset 3");
        rejects("{\"a\":1 \"b\":2}", "JSON: expected ',' or '}', found character '\"' at offset 7");
        rejects("[1", "JSON: array opened at offset 0 is not closed at offset 2");
        rejects("{\"a\":1", "JSON: object opened at offset 0 is not closed at offset 6");
        rejects("\"abc", "JSON: string is not closed at offset 0");
        rejects("01", "JSON: leading zero in a number at offset 0");
        rejects("-01", "JSON: leading zero in a number at offset 1");
        rejects("1.", "JSON: expected a digit, found end of input at offset 2");
        rejects(".5", "JSON: expected a value, found character '.' at offset 0");
        rejects("1e", "JSON: expected a digit, found end of input at offset 2");
        rejects("-", "JSON: expected a digit, found end of input at offset 1");
        rejects("+1", "JSON: expected a value, found character '+' at offset 0");
        rejects("NaN", "JSON: expected a value, found character 'N' at offset 0");
        rejects("tru", "JSON: expected a value, found character 't' at offset 0");
        rejects("nul", "JSON: expected a value, found character 'n' at offset 0");
        rejects("1 2", "JSON: unexpected character '2' after the JSON value at offset 2");
        rejects("[1] // c", "JSON: unexpected character '/' after the JSON value at offset 4");
        rejects("\"a\tb\"", "JSON: unescaped control character U+0009 in a string at offset 2");
        rejects("\"a\\x\"", "JSON: invalid escape '\\x' at offset 2");
        rejects("\"\\u12\"", "JSON: \\u escape needs 4 hex digits at offset 1");
        rejects("\"\\u12G4\"", "JSON: \\u escape needs 4 hex digits at offset 1");
        rejects("{\"a\":1,\"a\":2}", "JSON: duplicate member name \"a\" at offset 7");
        rejects("\u00a0 1", "JSON: expected a value, found character U+00A0 at offset 0");
        rejects("\ufeff{}", "JSON: expected a value, found character U+FEFF at offset 0");
    }

    /** Found by fuzzing: a NumberFormatException escaped the parser. */
    @Test
    void exponentsBeyondAnIntAreOutOfRange() {
        rejects("[1e3000000000]", "JSON: number out of range at offset 1");
        rejects("-2.5E-99999999999", "JSON: number out of range at offset 0");
        assertEquals(new BigDecimal("1e999999999"), Json.parse("1e999999999"));
    }

    @Test
    void nestingIsBounded() {
        int ok = Json.MAX_DEPTH;
        Json.parse("[".repeat(ok) + "]".repeat(ok));
        String deep = "[".repeat(ok + 1) + "]".repeat(ok + 1);
        rejects(deep, "JSON: nesting deeper than " + ok + " at offset " + ok);
    }

    @Test
    void quoteEscapes() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001é\"", Json.quote("a\"b\\c\n\r\t\b\f\u0001é"));
    }

    @Test
    void writeIsCompactAndKeepsOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1, 2L, BigInteger.TEN, new BigDecimal("1.50")));
        m.put("a", Json.NULL);
        m.put("b", null);
        m.put("t", true);
        m.put("s", "x\"y");
        m.put("e", new LinkedHashMap<>());
        assertEquals("{\"z\":[1,2,10,1.50],\"a\":null,\"b\":null,\"t\":true,\"s\":\"x\\\"y\",\"e\":{}}", Json.write(m));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }

    @Test
    void writeThenParseIsIdentity() {
        String text = "{\"k\":[{\"x\":[]},\"\\u0000\\n\",-12,3.25E+7,true,null],\"\":{\"nested\":{\"deeper\":[[[]]]}}}";
        Object v = Json.parse(text);
        assertEquals(v, Json.parse(Json.write(v)));
        assertEquals(v, Json.parse(Json.writePretty(v)));
        assertEquals("{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}\n", Json.writePretty(Json.parse("{\"a\":[1],\"b\":{}}")));
    }

    /** State test files run to megabytes; speed is a benchmark's business, so this only checks the result. */
    @Test
    void parsesMegabytes() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",").append("\"0x").append(Integer.toHexString(i)).append("\":{\"balance\":\"0x0de0b6b3a7640000\",\"nonce\":")
                            .append(i).append(",\"code\":\"0x6001600101\",\"storage\":{\"0x00\":\"0x01\"}}");
        }
        String big = sb.append('}').toString();
        Map<?, ?> m = (Map<?, ?>) Json.parse(big);
        assertEquals(100_000, m.size());
        assertEquals(99_999, ((Number) ((Map<?, ?>) m.get("0x1869f")).get("nonce")).longValue());
        char[] digits = new char[200_000];
        Arrays.fill(digits, '7');
        assertEquals(new BigInteger(new String(digits)), Json.parse(new String(digits)));
    }
}
