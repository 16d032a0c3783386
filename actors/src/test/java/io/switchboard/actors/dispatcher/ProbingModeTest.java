package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationFlags.DISABLED;
import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.PROBING;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;
import static io.switchboard.actors.dispatcher.ProbingMode.ALL;
import static io.switchboard.actors.dispatcher.ProbingMode.FLAGGED;
import static io.switchboard.actors.dispatcher.ProbingMode.INACTIVE_ONLY;
import static io.switchboard.actors.dispatcher.ProbingMode.PROBING_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ds_probing_mode} 0-3 (seed manual 002, 3.26). */
class ProbingModeTest {

    @Test
    void whoIsProbed() {
        assertTrue(PROBING_ONLY.probes(PROBING));
        assertFalse(PROBING_ONLY.probes(0));
        assertTrue(ALL.probes(0));
        assertTrue(ALL.probes(INACTIVE));
        assertFalse(ALL.probes(DISABLED), "a disabled destination is never probed");
        assertTrue(INACTIVE_ONLY.probes(INACTIVE | PROBING));
        assertFalse(INACTIVE_ONLY.probes(PROBING));
        assertTrue(FLAGGED.probes(TRYING | PROBING));
        assertFalse(FLAGGED.probes(INACTIVE));
    }

    @Test
    void whatAnAnswerAsksFor() {
        assertEquals(0, PROBING_ONLY.afterSuccess(PROBING), "mode 0 clears probing after a probe");
        assertEquals(PROBING, ALL.afterSuccess(0));
        assertEquals(PROBING, FLAGGED.afterSuccess(INACTIVE | PROBING));
        assertEquals(TRYING, PROBING_ONLY.afterFailure());
        assertEquals(TRYING | PROBING, ALL.afterFailure());
        assertEquals(INACTIVE | PROBING, ALL.markDefault());
        assertEquals(INACTIVE, PROBING_ONLY.markDefault());
    }

    @Test
    void answersIgnored() {
        assertFalse(ALL.takesAnswer(DISABLED));
        assertFalse(FLAGGED.takesAnswer(INACTIVE), "mode 3: probing was taken away meanwhile");
        assertTrue(FLAGGED.takesAnswer(INACTIVE | PROBING));
    }

    @Test
    void modesByNumber() {
        assertEquals(INACTIVE_ONLY, ProbingMode.of(2));
        assertThrows(IllegalArgumentException.class, () -> ProbingMode.of(4));
    }
}
