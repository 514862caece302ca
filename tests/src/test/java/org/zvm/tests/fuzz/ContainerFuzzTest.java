// SPDX-License-Identifier: Apache-2.0
package org.zvm.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.zvm.container.ZvmContainer;
import org.zvm.error.ZvmParseException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The ZVMC reader on arbitrary bytes: a rejection is a {@link ZvmParseException} at an offset inside the
 * input, and whatever it accepts writes back to exactly the bytes it read.
 */
class ContainerFuzzTest {
    @FuzzTest
    void containerReader(byte[] input) {
        ZvmContainer container;
        try {
            container = ZvmContainer.read(input);
        } catch (ZvmParseException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
            return;
        }
        assertArrayEquals(input, container.write(), "a container writes back to the bytes it was read from");
    }
}
