package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationFlags.DISABLED;
import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.PROBING;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** State bits and letters of seed manual 002, 4.5, 6.1 and 7.1. */
class DestinationFlagsTest {

    @Test
    void lettersAsDispatcherListShowsThem() {
        assertEquals("AX", DestinationFlags.letters(0));
        assertEquals("AP", DestinationFlags.letters(PROBING));
        assertEquals("IP", DestinationFlags.letters(INACTIVE | PROBING));
        assertEquals("TX", DestinationFlags.letters(TRYING));
        assertEquals("DX", DestinationFlags.letters(DISABLED));
    }

    @Test
    void markLetters() {
        assertEquals(INACTIVE | PROBING, DestinationFlags.ofMark("ip"));
        assertEquals(TRYING, DestinationFlags.ofMark("T"));
        assertEquals(PROBING, DestinationFlags.ofMark("ap"));
        assertEquals(0, DestinationFlags.ofMark("a"));
        assertThrows(IllegalArgumentException.class, () -> DestinationFlags.ofMark("x"));
    }

    @Test
    void setStateLettersAndDigits() {
        assertEquals(INACTIVE | PROBING, DestinationFlags.ofSetState("ip"));
        assertEquals(PROBING, DestinationFlags.ofSetState("ap"));
        assertEquals(0, DestinationFlags.ofSetState("a"));
        assertEquals(TRYING | PROBING, DestinationFlags.ofSetState("tp"));
        assertEquals(DISABLED, DestinationFlags.ofSetState("d"));
        assertEquals(DISABLED, DestinationFlags.ofSetState("dp"), "disabled is never probed");
        assertEquals(INACTIVE, DestinationFlags.ofSetState("0"));
        assertThrows(IllegalArgumentException.class, () -> DestinationFlags.ofSetState("z"));
        assertThrows(IllegalArgumentException.class, () -> DestinationFlags.ofSetState(""));
    }

    @Test
    void inactiveAndDisabledAreSkipped() {
        assertTrue(DestinationFlags.isSkipped(INACTIVE));
        assertTrue(DestinationFlags.isSkipped(DISABLED));
        assertFalse(DestinationFlags.isSkipped(TRYING | PROBING));
    }
}
