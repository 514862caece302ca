// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The short fuzz pass of the default build. Jazzer fuzzes one target per JVM and pays its start-up
 * each time, so the build replays the seeds through Jazzer (the {@code @FuzzTest} methods) and, here,
 * runs every target on {@code zvm.fuzz.runs} (default {@value #DEFAULT_RUNS}) inputs mutated from its
 * seeds: blind but repeatable, since the random seed is fixed. A failure names the input in hex, to be
 * saved as a seed and fixed. Long coverage-guided runs: docs/fuzzing.md.
 */
class SeedMutationFuzzTest {
    private static final int DEFAULT_RUNS = 100;
    private static final int RUNS = Integer.getInteger("zvm.fuzz.runs", DEFAULT_RUNS);
    private static final List<Class<?>> TARGETS = List.of(ContainerFuzzTest.class, AssemblerFuzzTest.class, AbiFuzzTest.class, WasmDecoderFuzzTest.class,
                    EvmExecutionFuzzTest.class, NativeExecutionFuzzTest.class, WasmExecutionFuzzTest.class, StateTestFuzzTest.class);
    /** Bytes that sit on boundaries: zero, sign bits, all ones, and the ASCII a text format cares about. */
    private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, '"', ',', '{', '}', '[', ']', ':', '\n', ' ', '0', 'x'};

    @TestFactory
    Stream<DynamicTest> mutatedSeeds() {
        return TARGETS.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class)))
                        .map(m -> DynamicTest.dynamicTest(m.getDeclaringClass().getSimpleName() + "." + m.getName(), () -> fuzz(m)));
    }

    private static void fuzz(Method target) throws Exception {
        List<byte[]> seeds = seeds(target);
        Random random = new Random(target.getName().hashCode());
        var constructor = target.getDeclaringClass().getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        target.setAccessible(true);
        for (int i = 0; i < RUNS; i++) {
            byte[] input = mutate(seeds, random);
            try {
                target.invoke(instance, (Object) input);
            } catch (InvocationTargetException e) {
                throw new AssertionError(target.getName() + " on input " + HexFormat.of().formatHex(input) + ": " + e.getCause(), e.getCause());
            }
        }
    }

    /** The seed corpus Jazzer replays for {@code target}, and the empty input. */
    private static List<byte[]> seeds(Method target) throws IOException, URISyntaxException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(new byte[0]);
        URL dir = target.getDeclaringClass().getResource(target.getDeclaringClass().getSimpleName() + "Inputs/" + target.getName());
        if (dir != null) {
            try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                for (Path f : files.sorted().toList()) {
                    seeds.add(Files.readAllBytes(f));
                }
            }
        }
        return seeds;
    }

    /** One to four random edits of a random seed: bit flips, boundary bytes, inserts, deletions, copies and splices. */
    private static byte[] mutate(List<byte[]> seeds, Random random) {
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (b.length == 0 ? 2 : random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> {
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    b = splice(b, at, 0, inserted);
                }
                case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + random.nextInt(8)), new byte[0]);
                case 4 -> {
                    int from = random.nextInt(b.length);
                    b = splice(b, at, 0, Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + random.nextInt(16))));
                }
                default -> {
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    b = other.length == 0 ? b : splice(b, at, b.length - at, Arrays.copyOfRange(other, random.nextInt(other.length), other.length));
                }
            }
        }
        return b;
    }

    /** {@code b} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] b, int at, int removed, byte[] inserted) {
        byte[] out = new byte[b.length - removed + inserted.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(b, at + removed, out, at + inserted.length, b.length - at - removed);
        return out;
    }
}
