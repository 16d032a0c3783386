package io.switchboard.actors.dispatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answers to a probe that count as the destination being up, {@code ds_ping_reply_codes}
 * (seed manual 002, 3.25): any 2xx, plus the codes ({@code code=202}) and classes
 * ({@code class=3}) listed, separated by {@code ;}. A local 408 (the probe timed out) counts as up
 * only if listed, as the manual warns.
 */
public final class PingReplyCodes {

    public static final PingReplyCodes NONE = new PingReplyCodes(List.of(), List.of(), "");

    private final List<Integer> codes;
    private final List<Integer> classes;
    private final String text;

    private PingReplyCodes(List<Integer> codes, List<Integer> classes, String text) {
        this.codes = codes;
        this.classes = classes;
        this.text = text;
    }

    /**
     * Parses {@code class=2;code=403;code=488;class=3}.
     *
     * @throws IllegalArgumentException for anything else, a code outside 100-699 or a class outside 1-6
     */
    public static PingReplyCodes parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Integer> codes = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] pair = entry.split("=", 2);
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            int value;
            try {
                value = pair.length == 2 ? Integer.parseInt(pair[1].trim()) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (name.equals("code") && value >= 100 && value < 700) {
                codes.add(value);
            } else if (name.equals("class") && value >= 1 && value < 7) {
                classes.add(value);
            } else {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not code=100..699 or class=1..6");
            }
        }
        return new PingReplyCodes(List.copyOf(codes), List.copyOf(classes), text.trim());
    }

    /** True when a probe answered {@code code} finds the destination up. */
    public boolean accepts(int code) {
        return code >= 200 && code <= 299 || codes.contains(code) || classes.contains(code / 100);
    }

    @Override
    public String toString() {
        return text;
    }
}
