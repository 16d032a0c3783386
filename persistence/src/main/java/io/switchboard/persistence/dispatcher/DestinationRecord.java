package io.switchboard.persistence.dispatcher;

import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;

/**
 * One destination as its source gives it (seed manual 002, 7.1.2 "File Format": {@code setid
 * destination flags priority attrs}; a database row has the same columns).
 *
 * @param setId the set (group) id, 0 or more
 * @param uri the destination's SIP URI; one written without a scheme gets {@code sip:}, as
 *     Kamailio does
 * @param flags the state bits of 7.1: 1 inactive, 2 trying, 4 disabled, 8 probing
 * @param priority orders the set, highest first
 * @param attrs {@code name1=value1;...;nameN=valueN}, or empty
 * @param origin where the entry was read ({@code dispatcher.list line 7}), for messages
 */
public record DestinationRecord(int setId, String uri, int flags, int priority, String attrs, String origin) {

    /**
     * Checks the fields of one entry.
     *
     * @throws DestinationLoadException naming {@code origin} when a field is not valid
     */
    public static DestinationRecord of(long setId, String uri, long flags, long priority, String attrs, String origin)
            throws DestinationLoadException {
        if (setId < 0 || setId > Integer.MAX_VALUE) {
            throw new DestinationLoadException(origin, "set id " + setId + " is not a number from 0 to "
                    + Integer.MAX_VALUE);
        }
        if (flags < 0 || flags > Integer.MAX_VALUE || priority < 0 || priority > Integer.MAX_VALUE) {
            throw new DestinationLoadException(origin, "flags and priority must be numbers from 0 to "
                    + Integer.MAX_VALUE);
        }
        String checkedAttrs = attributes(attrs == null ? "" : attrs.trim(), origin);
        return new DestinationRecord((int) setId, sipUri(uri, origin), (int) flags, (int) priority, checkedAttrs,
                origin);
    }

    private static String sipUri(String text, String origin) throws DestinationLoadException {
        if (text == null || text.isBlank()) {
            throw new DestinationLoadException(origin, "no destination URI");
        }
        String uri = text.trim();
        try {
            SipUri.parse(uri);
            return uri;
        } catch (SipParseException e) {
            if (!uri.regionMatches(true, 0, "sip", 0, 3)) {
                try {
                    SipUri.parse("sip:" + uri);
                    return "sip:" + uri;
                } catch (SipParseException ignored) {
                    // reported below with the text as written
                }
            }
            throw new DestinationLoadException(origin, "'" + uri + "' is not a SIP URI: " + e.getMessage());
        }
    }

    /** {@code name[=value]} pairs separated by {@code ;}, one trailing {@code ;} allowed (Kamailio drops it). */
    private static String attributes(String attrs, String origin) throws DestinationLoadException {
        String body = attrs.endsWith(";") ? attrs.substring(0, attrs.length() - 1) : attrs;
        if (body.isEmpty()) {
            return body;
        }
        for (String pair : body.split(";", -1)) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new DestinationLoadException(origin, "attributes '" + attrs
                        + "' are not name=value pairs separated by ';'");
            }
        }
        return body;
    }
}
