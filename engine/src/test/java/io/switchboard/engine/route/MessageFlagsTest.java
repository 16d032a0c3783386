package io.switchboard.engine.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kamailio's {@code setflag}, {@code resetflag} and {@code isflagset} on one request's flags. */
class MessageFlagsTest {

    private final MessageFlags flags = new MessageFlags();

    @Test
    void everyFlagIsClearAtFirst() {
        for (int flag = 0; flag <= MessageFlags.MAX_FLAG; flag++) {
            assertFalse(flags.isSet(flag), "flag " + flag);
        }
    }

    @Test
    void setAndResetChangeOnlyTheirFlag() {
        flags.set(0);
        flags.set(4);
        flags.set(31);
        assertTrue(flags.isSet(0));
        assertTrue(flags.isSet(4));
        assertTrue(flags.isSet(31));
        assertFalse(flags.isSet(3));
        assertFalse(flags.isSet(5));
        flags.reset(4);
        assertFalse(flags.isSet(4));
        assertTrue(flags.isSet(0));
        assertTrue(flags.isSet(31));
        flags.reset(4);
        assertFalse(flags.isSet(4), "resetting a clear flag leaves it clear");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 32, 64, Integer.MIN_VALUE})
    void aNumberOutsideZeroTo31IsRefusedByEveryFunction(int flag) {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> flags.set(flag)).getMessage()
                .contains("from 0 to 31, not " + flag));
        assertThrows(IllegalArgumentException.class, () -> flags.reset(flag));
        assertThrows(IllegalArgumentException.class, () -> flags.isSet(flag));
    }
}
