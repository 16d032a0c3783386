package io.switchboard.actors.dialog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.switchboard.persistence.CborSerializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change a route makes to its dialog's {@link DialogAttributes} or context (seed manual 001,
 * 7.5–7.7, 10.5, 10.6). Checked when made: a wrong flag number or context key is an
 * {@link IllegalArgumentException} naming it, thrown in the route.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
@JsonSubTypes({
    @JsonSubTypes.Type(value = DialogChange.Variable.class, name = "var"),
    @JsonSubTypes.Type(value = DialogChange.Flag.class, name = "flag"),
    @JsonSubTypes.Type(value = DialogChange.Context.class, name = "ctx")
})
public sealed interface DialogChange extends CborSerializable {

    /** {@code attributes} after this change. */
    DialogAttributes applyTo(DialogAttributes attributes);

    /** The {@code timeout_bye} switch after this change, {@code current} before it. */
    default boolean timeoutBye(boolean current) {
        return current;
    }

    /** {@code $dlg_var(name) = value}; a null or empty value removes the variable. */
    record Variable(String name, String value) implements DialogChange {
        public Variable {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a dialog variable needs a name");
            }
            value = value == null || value.isEmpty() ? null : value;
        }

        @Override
        public DialogAttributes applyTo(DialogAttributes attributes) {
            Map<String, String> next = new LinkedHashMap<>(attributes.variables());
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
            return new DialogAttributes(next, attributes.flags(), attributes.timeoutRoute());
        }
    }

    /** {@code dlg_setflag(flag)} ({@code on}) or {@code dlg_resetflag(flag)}, flag 0 to 31. */
    record Flag(int flag, boolean on) implements DialogChange {
        public Flag {
            DialogAttributes.bit(flag);
        }

        @Override
        public DialogAttributes applyTo(DialogAttributes attributes) {
            int bit = DialogAttributes.bit(flag);
            return new DialogAttributes(attributes.variables(), on ? attributes.flags() | bit : attributes.flags() & ~bit,
                    attributes.timeoutRoute());
        }
    }

    /**
     * {@code $dlg_ctx(key) = value} for the keys Switchboard has: {@code timeout_route} (the event
     * route run on timeout; null or empty: none) and {@code timeout_bye} ({@code "1"} or
     * {@code "0"}: BYE both sides on timeout, {@link DialogProperties#timeoutBye()}).
     */
    record Context(String key, String value) implements DialogChange {
        /** The name of the event route run when the dialog times out. */
        public static final String TIMEOUT_ROUTE = "timeout_route";
        /** 1: BYE both sides when the dialog times out. */
        public static final String TIMEOUT_BYE = "timeout_bye";

        public Context {
            if (TIMEOUT_BYE.equals(key)) {
                if (!"0".equals(value) && !"1".equals(value)) {
                    throw new IllegalArgumentException("$dlg_ctx(" + TIMEOUT_BYE + ") is 0 or 1, not " + value);
                }
            } else if (!TIMEOUT_ROUTE.equals(key)) {
                throw new IllegalArgumentException("unknown $dlg_ctx key \"" + key + "\": " + TIMEOUT_ROUTE
                        + " or " + TIMEOUT_BYE);
            }
        }

        @Override
        public DialogAttributes applyTo(DialogAttributes attributes) {
            return TIMEOUT_ROUTE.equals(key)
                    ? new DialogAttributes(attributes.variables(), attributes.flags(), value) : attributes;
        }

        @Override
        public boolean timeoutBye(boolean current) {
            return TIMEOUT_BYE.equals(key) ? "1".equals(value) : current;
        }
    }
}
