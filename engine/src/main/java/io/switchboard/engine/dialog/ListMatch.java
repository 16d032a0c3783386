package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.management.RpcException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter of {@code dlg.list_match} (seed manual 001, 9.3): a matching key ({@code ruri},
 * {@code furi}, {@code turi}, {@code callid}), an operator ({@code eq} string equality,
 * {@code re} a regular expression found in the value, {@code sw} starts with) and a value.
 */
record ListMatch(Function<DialogSnapshot, String> key, Predicate<String> operator) implements Predicate<DialogSnapshot> {

    /** Reads {@code mkey}, {@code mop} and {@code mval}; a bad one is a -32602 error naming it. */
    static ListMatch parse(String mkey, String mop, String mval) throws RpcException {
        Function<DialogSnapshot, String> key = switch (mkey) {
            case "ruri" -> DialogSnapshot::requestUri;
            case "furi" -> DialogSnapshot::fromUri;
            case "turi" -> DialogSnapshot::toUri;
            case "callid" -> DialogSnapshot::callId;
            default -> throw RpcException.invalidParams("parameter 'mkey': '" + mkey
                    + "' is none of ruri, furi, turi, callid");
        };
        Predicate<String> operator = switch (mop) {
            case "eq" -> mval::equals;
            case "sw" -> value -> value.startsWith(mval);
            case "re" -> regex(mval).asPredicate();
            default -> throw RpcException.invalidParams("parameter 'mop': '" + mop + "' is none of eq, re, sw");
        };
        return new ListMatch(key, operator);
    }

    private static Pattern regex(String mval) throws RpcException {
        try {
            return Pattern.compile(mval);
        } catch (PatternSyntaxException e) {
            throw RpcException.invalidParams("parameter 'mval': not a regular expression: " + e.getDescription());
        }
    }

    @Override
    public boolean test(DialogSnapshot dialog) {
        String value = key.apply(dialog);
        return value != null && operator.test(value);
    }
}
