package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DialogKeyTest {

    @Test
    void theKeyDependsOnTheCallIdAlone() {
        assertEquals(DialogKey.of("a84b4c76e66710@pc33.atlanta.com"), DialogKey.of("a84b4c76e66710@pc33.atlanta.com"));
        assertNotEquals(DialogKey.of("call-1"), DialogKey.of("call-2"));
    }

    @Test
    void theEntryFitsTheHashTableAndTheIdIsUnsigned32Bit() {
        for (int i = 0; i < 1000; i++) {
            DialogKey key = DialogKey.of("call-" + i + "@host");
            assertTrue(key.hEntry() >= 0 && key.hEntry() < DialogKey.HASH_SIZE, key.toString());
            assertTrue(key.hId() >= 0 && key.hId() <= 0xffffffffL, key.toString());
        }
    }

    @Test
    void theDidIsEntryDotIdInHex() {
        assertEquals("a4b.3f", new DialogKey(0xa4b, 0x3f).did());
        assertEquals(Dialogs.did("x@y"), DialogKey.of("x@y").did());
    }
}
