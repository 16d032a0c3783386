package io.switchboard.actors.dialog;

import static io.switchboard.actors.dialog.SampleCall.CALLEE_TAG;
import static io.switchboard.actors.dialog.SampleCall.CALLER_TAG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialogMatchTest {

    private static final Dialog CONFIRMED = DialogTransitionsTest.dialogIn(DialogState.CONFIRMED);
    private static final String DID = DialogKey.of(CONFIRMED.invite().callId()).did();

    @Test
    void theTagsTellTheSender() {
        for (MatchMode mode : MatchMode.values()) {
            String did = mode == MatchMode.DID_NONE ? null : DID;
            assertEquals(Optional.of(Side.CALLER), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", did, mode));
            assertEquals(Optional.of(Side.CALLEE), DialogMatch.sender(CONFIRMED, "tt", CALLER_TAG, did, mode));
            assertEquals(Optional.empty(), DialogMatch.sender(CONFIRMED, CALLER_TAG, "other", did, mode));
            assertEquals(Optional.empty(), DialogMatch.sender(CONFIRMED, "tt", "tt", did, mode));
        }
    }

    @Test
    void didOnlyNeedsTheCookie() {
        assertEquals(Optional.empty(), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", null, MatchMode.DID_ONLY));
        assertEquals(Optional.empty(), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", "1.2", MatchMode.DID_ONLY));
    }

    @Test
    void didFallbackChecksACookieWhenThereIsOne() {
        assertEquals(Optional.of(Side.CALLER), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", null, MatchMode.DID_FALLBACK));
        assertEquals(Optional.empty(), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", "1.2", MatchMode.DID_FALLBACK));
    }

    @Test
    void didNoneIgnoresTheCookie() {
        assertEquals(Optional.of(Side.CALLER), DialogMatch.sender(CONFIRMED, CALLER_TAG, "tt", "1.2", MatchMode.DID_NONE));
    }

    @Test
    void withoutAToTagOnlyTheCallersFromTagCounts() {
        Dialog early = DialogTransitionsTest.dialogIn(DialogState.EARLY);
        assertEquals(Optional.of(Side.CALLER), DialogMatch.sender(early, CALLER_TAG, null, null, MatchMode.DID_ONLY));
        assertEquals(Optional.empty(), DialogMatch.sender(early, CALLEE_TAG, null, null, MatchMode.DID_ONLY));
        assertEquals(Optional.empty(), DialogMatch.sender(early, CALLER_TAG, CALLEE_TAG, DID, MatchMode.DID_ONLY));
    }

    @Test
    void noDialogMatchesNothing() {
        assertEquals(Optional.empty(), DialogMatch.sender(Dialog.EMPTY, CALLER_TAG, null, null, MatchMode.DID_NONE));
    }
}
