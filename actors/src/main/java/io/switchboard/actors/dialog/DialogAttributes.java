package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route keeps with a dialog (seed manual 001): the variables {@code $dlg_var(key)} (10.6),
 * the flags of {@code dlg_setflag} / {@code dlg_resetflag} / {@code dlg_isflagset} (7.5–7.7, shown
 * as {@code sflags} in {@code dlg.list}) and the event route {@code $dlg_ctx(timeout_route)} runs
 * when the dialog times out (7.10, 10.5). Variables keep the order they were first set in.
 *
 * @param variables    name to value, none empty
 * @param flags        bit {@code n} is flag {@code n}, 0 to {@link #MAX_FLAG}
 * @param timeoutRoute the event route to run on timeout, null for none
 */
public record DialogAttributes(Map<String, String> variables, int flags, String timeoutRoute)
        implements CborSerializable {

    /** Nothing kept. */
    public static final DialogAttributes NONE = new DialogAttributes(Map.of(), 0, null);

    /** The highest flag number, as Kamailio's 32 dialog flags. */
    public static final int MAX_FLAG = 31;

    public DialogAttributes {
        variables = variables == null || variables.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        timeoutRoute = timeoutRoute == null || timeoutRoute.isEmpty() ? null : timeoutRoute;
    }

    /** True when nothing is kept. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** {@code $dlg_var(name)}: the value, null when not set. */
    public String variable(String name) {
        return variables.get(name);
    }

    /** {@code dlg_isflagset(flag)}; a number outside 0..31 is an {@link IllegalArgumentException}. */
    public boolean flagSet(int flag) {
        return (flags & bit(flag)) != 0;
    }

    /** The bit of {@code flag}; a number outside 0..31 is an {@link IllegalArgumentException} naming it. */
    static int bit(int flag) {
        if (flag < 0 || flag > MAX_FLAG) {
            throw new IllegalArgumentException("dialog flag " + flag + " is not between 0 and " + MAX_FLAG);
        }
        return 1 << flag;
    }
}
