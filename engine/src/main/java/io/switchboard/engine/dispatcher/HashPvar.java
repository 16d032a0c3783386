package io.switchboard.engine.dispatcher;

import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The string algorithm 7 hashes, {@code hash_pvar} (seed manual 002, 3.17, e.g.
 * {@code "hash the $fU@$ci"}): text with Kamailio pseudo-variables filled from the request. The
 * ones a request has are understood: {@code $ci}, {@code $cs}, {@code $rm}, {@code $fu},
 * {@code $fU}, {@code $fd}, {@code $ft}, {@code $tu}, {@code $tU}, {@code $td}, {@code $ru},
 * {@code $rU}, {@code $rd}, {@code $rp}, {@code $si}, {@code $sp}, {@code $au} and
 * {@code $hdr(Name)}; any other stops start-up. A variable the request lacks prints
 * {@code <null>}, as Kamailio prints it.
 */
public final class HashPvar {

    private static final String NULL = "<null>";

    /** One piece of the string: literal text, or a variable read from the request and its source. */
    private interface Part extends BiFunction<SipRequest, InetSocketAddress, String> {
    }

    private final List<Part> parts;
    private final String text;

    private HashPvar(List<Part> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming a variable that is not understood
     */
    public static HashPvar parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int dollar = text.indexOf('$', i);
            if (dollar < 0) {
                String literal = text.substring(i);
                parts.add((r, s) -> literal);
                break;
            }
            if (dollar > i) {
                String literal = text.substring(i, dollar);
                parts.add((r, s) -> literal);
            }
            int end = dollar + 1;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            String name = text.substring(dollar + 1, end);
            if (name.equals("hdr") && end < text.length() && text.charAt(end) == '(') {
                int close = text.indexOf(')', end);
                if (close < 0) {
                    throw new IllegalArgumentException("$hdr( without ')' in '" + text + "'");
                }
                HeaderName header = HeaderName.of(text.substring(end + 1, close).trim());
                parts.add((r, s) -> r.header(header));
                end = close + 1;
            } else {
                parts.add(variable(name, text));
            }
            i = end;
        }
        return new HashPvar(List.copyOf(parts), text);
    }

    private static Part variable(String name, String text) {
        return switch (name) {
            case "ci" -> (r, s) -> r.header(HeaderName.CALL_ID);
            case "cs" -> (r, s) -> read(() -> Long.toString(r.cseq().number()));
            case "rm" -> (r, s) -> r.method().name();
            case "fu" -> (r, s) -> read(() -> r.from().uri().toString());
            case "fU" -> (r, s) -> read(() -> sip(r.from()).user());
            case "fd" -> (r, s) -> read(() -> sip(r.from()).host());
            case "ft" -> (r, s) -> read(() -> r.from().tag());
            case "tu" -> (r, s) -> read(() -> r.to().uri().toString());
            case "tU" -> (r, s) -> read(() -> sip(r.to()).user());
            case "td" -> (r, s) -> read(() -> sip(r.to()).host());
            case "ru" -> (r, s) -> r.requestUriText();
            case "rU" -> (r, s) -> read(() -> sip(r.requestUri()).user());
            case "rd" -> (r, s) -> read(() -> sip(r.requestUri()).host());
            case "rp" -> (r, s) -> read(() -> Integer.toString(sip(r.requestUri()).portOrDefault()));
            case "si" -> (r, s) -> s.getAddress().getHostAddress();
            case "sp" -> (r, s) -> Integer.toString(s.getPort());
            case "au" -> (r, s) -> read(() -> SipRequestKeys.authUsername(r));
            default -> throw new IllegalArgumentException("pseudo-variable $" + name + " in '" + text
                    + "' is not one Switchboard fills (see the README)");
        };
    }

    /** Reads a part of a request that may be missing or not parse. */
    interface Reader {
        String read() throws SipParseException;
    }

    /** What {@code reader} reads, or null when the request lacks it or it does not parse. */
    static String read(Reader reader) {
        try {
            return reader.read();
        } catch (SipParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static SipUri sip(NameAddress address) {
        return sip(address.uri());
    }

    private static SipUri sip(Uri uri) {
        if (uri instanceof SipUri sip) {
            return sip;
        }
        throw new IllegalArgumentException("not a SIP URI");
    }

    /** The string for {@code request} received from {@code source}. */
    public String fill(SipRequest request, InetSocketAddress source) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            String value = part.apply(request, source);
            out.append(value == null ? NULL : value);
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }
}
