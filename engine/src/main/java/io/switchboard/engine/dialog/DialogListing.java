package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.management.RpcException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the {@code dlg.*} commands show a dialog, with the members of Kamailio's answers (seed
 * manual 001, 9.1 {@code dlg.list}, 9.6 {@code dlg.dlg_list}, 9.16 {@code dlg.briefing}): times
 * in epoch seconds, 0 when not reached; CSeqs and route sets as strings, the route set's entries
 * joined by commas; {@code profiles} as Kamailio lists them, the name of a profile without values
 * and a {@code {name: value}} object for one with; {@code variables} likewise, one
 * {@code {name: value}} object each, in the order they were set. {@code sflags} are the flags of
 * {@code dlg_setflag} (7.6) as a number, bit n for flag n; {@code dflags} and {@code iflags}
 * (Kamailio's internal ones) are 0, and {@code ref} is 1, the one entity that holds the dialog.
 * {@code dlg.list_ctx} (9.2) adds {@code context}: the dialog's {@code $dlg_ctx} members and
 * properties.
 */
final class DialogListing {

    /** The attribute letters of {@code dlg.briefing}, and its default. */
    static final String BRIEFING_LETTERS = "ftcFTISEs";
    static final String BRIEFING_DEFAULT = "ftcFT";

    private DialogListing() {
    }

    /** One dialog as {@code dlg.list} shows it, its duration counted up to {@code nowMillis}. */
    static Map<String, Object> dialog(DialogSnapshot d, long nowMillis) {
        Map<String, Object> dialog = new LinkedHashMap<>();
        dialog.put("h_entry", d.hEntry());
        dialog.put("h_id", d.hId());
        dialog.put("ref", 1);
        dialog.put("call-id", d.callId());
        dialog.put("from_uri", d.fromUri());
        dialog.put("to_uri", d.toUri());
        dialog.put("state", d.state().code());
        dialog.put("start_ts", seconds(d.startMillis()));
        dialog.put("init_ts", seconds(d.initMillis()));
        dialog.put("end_ts", seconds(d.endMillis()));
        long until = d.endMillis() > 0 ? d.endMillis() : nowMillis;
        dialog.put("duration", d.startMillis() > 0 ? seconds(until - d.startMillis()) : 0);
        dialog.put("timeout", seconds(d.timeoutMillis()));
        dialog.put("lifetime", d.lifetimeSeconds());
        dialog.put("dflags", 0);
        dialog.put("sflags", Integer.toUnsignedLong(d.attributes().flags()));
        dialog.put("iflags", 0);
        dialog.put("caller", leg(d.fromTag(), d.callerContact(), d.callerCseq(), d.callerRouteSet(), d.callerSocket()));
        dialog.put("callee", leg(d.toTag(), d.calleeContact(), d.calleeCseq(), d.calleeRouteSet(), d.calleeSocket()));
        dialog.put("profiles", d.profiles().stream()
                .map(m -> m.value() == null ? m.profile() : (Object) Map.of(m.profile(), m.value())).toList());
        dialog.put("variables", d.attributes().variables().entrySet().stream()
                .map(v -> Map.of(v.getKey(), v.getValue())).toList());
        return dialog;
    }

    /**
     * {@code listed}, a dialog as {@link #dialog} shows it, with {@code context} added as
     * {@code dlg.list_ctx} shows it: {@code timeout_route} (empty for none), {@code timeout_bye},
     * {@code timeout_noreset}, {@code ka_src} and {@code ka_dst} as 0 or 1.
     */
    static Map<String, Object> withContext(Map<String, Object> listed, DialogSnapshot d) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("timeout_route", text(d.attributes().timeoutRoute()));
        context.put("timeout_bye", bit(d.properties().timeoutBye()));
        context.put("timeout_noreset", bit(d.properties().timeoutNoreset()));
        context.put("ka_src", bit(d.properties().kaSrc()));
        context.put("ka_dst", bit(d.properties().kaDst()));
        listed.put("context", context);
        return listed;
    }

    private static int bit(boolean on) {
        return on ? 1 : 0;
    }

    /**
     * The dialogs as the live page shows them (issue 7), the oldest first: Call-ID, caller (From
     * URI), callee (To URI), the state's code and words, the request URI the INVITE went to and the
     * callee's contact once it answered, the INVITE's and the answer's times in epoch milliseconds
     * (the page counts the duration up from {@code start}), and the profiles.
     */
    static List<Map<String, Object>> live(List<DialogSnapshot> dialogs) {
        return dialogs.stream().sorted(Comparator.comparingLong(DialogSnapshot::initMillis)
                .thenComparing(DialogSnapshot::callId)).map(DialogListing::liveCall).toList();
    }

    private static Map<String, Object> liveCall(DialogSnapshot d) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("callId", d.callId());
        call.put("caller", d.fromUri());
        call.put("callee", d.toUri());
        call.put("state", d.state().code());
        call.put("stateText", switch (d.state()) {
            case UNCONFIRMED -> "setting up";
            case EARLY -> "ringing";
            case CONFIRMED_NA -> "answered";
            case CONFIRMED -> "in conversation";
            case DELETED -> "ended";
        });
        call.put("destination", text(d.requestUri()));
        call.put("contact", text(d.calleeContact()));
        call.put("init", d.initMillis());
        call.put("start", d.startMillis());
        call.put("profiles", d.profiles().stream().map(m -> {
            Map<String, Object> profile = new LinkedHashMap<>();
            profile.put("name", m.profile());
            profile.put("value", m.value());
            return profile;
        }).toList());
        return call;
    }

    private static Map<String, Object> leg(String tag, String contact, long cseq, List<String> routeSet, String socket) {
        Map<String, Object> leg = new LinkedHashMap<>();
        leg.put("tag", text(tag));
        leg.put("contact", text(contact));
        leg.put("cseq", Long.toString(cseq));
        leg.put("route_set", String.join(",", routeSet));
        leg.put("socket", text(socket));
        return leg;
    }

    /**
     * {@code attrs} checked: letters of {@link #BRIEFING_LETTERS} only, {@link #BRIEFING_DEFAULT}
     * when not given.
     */
    static String briefingAttributes(String attrs) throws RpcException {
        if (attrs == null) {
            return BRIEFING_DEFAULT;
        }
        for (char letter : attrs.toCharArray()) {
            if (BRIEFING_LETTERS.indexOf(letter) < 0) {
                throw RpcException.invalidParams("parameter 'attrs': '" + letter + "' is none of the letters "
                        + BRIEFING_LETTERS);
            }
        }
        return attrs;
    }

    /** One dialog as {@code dlg.briefing} shows it: {@code h_entry}, {@code h_id}, then the members {@code attrs} asks for. */
    static Map<String, Object> briefing(DialogSnapshot d, String attrs) {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("h_entry", d.hEntry());
        brief.put("h_id", d.hId());
        for (char letter : attrs.toCharArray()) {
            switch (letter) {
                case 'f' -> brief.put("from_uri", d.fromUri());
                case 't' -> brief.put("to_uri", d.toUri());
                case 'c' -> brief.put("call-id", d.callId());
                case 'F' -> brief.put("from_tag", text(d.fromTag()));
                case 'T' -> brief.put("to_tag", text(d.toTag()));
                case 'I' -> brief.put("init_ts", seconds(d.initMillis()));
                case 'S' -> brief.put("start_ts", seconds(d.startMillis()));
                case 'E' -> brief.put("end_ts", seconds(d.endMillis()));
                case 's' -> brief.put("state", d.state().code());
                default -> throw new IllegalArgumentException("briefing attribute " + letter);
            }
        }
        return brief;
    }

    private static long seconds(long millis) {
        return millis / 1000;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
