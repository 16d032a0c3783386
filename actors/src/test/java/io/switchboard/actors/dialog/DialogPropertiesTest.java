package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code dlg_set_property} / {@code dlg_reset_property} names (seed manual 7.16, 7.21). */
class DialogPropertiesTest {

    @Test
    void eachNameSwitchesItsProperty() {
        DialogProperties all = DialogProperties.NONE.with("ka-src", true).with("ka-dst", true)
                .with("timeout-noreset", true);
        assertEquals(new DialogProperties(false, true, true, true), all);
        assertTrue(all.keepAliveTo(Side.CALLER));
        assertTrue(all.keepAliveTo(Side.CALLEE));
        DialogProperties reset = all.with("ka-src", false);
        assertFalse(reset.keepAliveTo(Side.CALLER));
        assertTrue(reset.keepAliveTo(Side.CALLEE));
        assertEquals(DialogProperties.NONE, reset.with("ka-dst", false).with("timeout-noreset", false));
    }

    @Test
    void anUnknownNameIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DialogProperties.NONE.with("ka-both", true));
        assertTrue(e.getMessage().contains("\"ka-both\""), e.getMessage());
    }
}
