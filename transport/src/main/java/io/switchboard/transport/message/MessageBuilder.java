package io.switchboard.transport.message;

import io.switchboard.transport.header.ListValue;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The copy-and-build step that changes a message: add, remove or replace header fields, change
 * the Request-URI, the status or the body. Fields that are not touched keep their received bytes,
 * so {@link SipMessage#encode()} of the result writes them back exactly as they arrived. Also
 * builds new messages from scratch. Not thread-safe; the messages it builds are immutable.
 */
public final class MessageBuilder {

    private static final String VERSION = "SIP/2.0";

    private final SipMethod method;
    private StartLine startLine;
    private int statusCode;
    private final List<HeaderField> fields;
    private Body body;
    /** The message this builder copies, whose parsed headers the copy keeps where unchanged; null for a new one. */
    private final SipMessage origin;
    /** The headers added, set or removed since the copy. */
    private final List<HeaderName> changed = new ArrayList<>(4);

    MessageBuilder(SipRequest request) {
        this.origin = request;
        this.method = request.method();
        this.startLine = request.startLine;
        this.fields = new ArrayList<>(Arrays.asList(request.fields));
        this.body = request.body;
    }

    MessageBuilder(SipResponse response) {
        this.origin = response;
        this.method = null;
        this.statusCode = response.statusCode();
        this.startLine = response.startLine;
        this.fields = new ArrayList<>(Arrays.asList(response.fields));
        this.body = response.body;
    }

    private MessageBuilder(SipMethod method, StartLine startLine, int statusCode) {
        this.origin = null;
        this.method = method;
        this.startLine = startLine;
        this.statusCode = statusCode;
        this.fields = new ArrayList<>(12);
        this.body = Body.EMPTY;
    }

    /** A new request with no header fields yet. */
    public static MessageBuilder request(SipMethod method, String requestUri) {
        return new MessageBuilder(method, requestLine(method, requestUri), 0);
    }

    /** A new response with no header fields yet; a null reason takes the default phrase. */
    public static MessageBuilder response(int statusCode, String reason) {
        return new MessageBuilder(null, statusLine(statusCode, reason), statusCode);
    }

    /**
     * A response to {@code request} as RFC 3261 §8.2.6.2 builds it: the Via fields, From, To,
     * Call-ID and CSeq copied as received (so even a request whose headers do not parse can be
     * answered), a To tag added when {@code toTag} is given and the To has none, Timestamp copied
     * for a 100 (§8.2.6.1), and Content-Length 0.
     */
    public static MessageBuilder responseTo(SipRequest request, int statusCode, String reason, String toTag) {
        MessageBuilder builder = response(statusCode, reason);
        for (HeaderField field : request.fields) {
            HeaderName name = field.name();
            if (name.equals(HeaderName.VIA) || name.equals(HeaderName.FROM) || name.equals(HeaderName.CALL_ID)
                    || name.equals(HeaderName.CSEQ)
                    || statusCode == SipStatus.TRYING && name.equals(HeaderName.TIMESTAMP)) {
                builder.fields.add(field);
            } else if (name.equals(HeaderName.TO)) {
                builder.fields.add(toTag == null || hasTag(field.value()) ? field
                        : HeaderField.of(HeaderName.TO, field.value() + ";tag=" + toTag));
            }
        }
        builder.fields.add(HeaderField.of(HeaderName.CONTENT_LENGTH, "0"));
        return builder;
    }

    private static boolean hasTag(String to) {
        try {
            return io.switchboard.transport.header.NameAddress.parse(to, "To").tag() != null;
        } catch (SipParseException e) {
            return to.contains(";tag=");
        }
    }

    private static StartLine requestLine(SipMethod method, String uri) {
        int uriStart = method.name().length() + 1;
        int uriEnd = uriStart + uri.getBytes(StandardCharsets.UTF_8).length;
        return StartLine.of(method + " " + uri + " " + VERSION, uriStart, uriEnd, uriEnd + 1, uriEnd + 8);
    }

    private static StartLine statusLine(int code, String reason) {
        if (!SipStatus.isValid(code)) {
            throw new IllegalArgumentException("status code " + code + " is outside 100-699");
        }
        String phrase = reason != null ? reason : SipStatus.reasonPhrase(code);
        int reasonStart = VERSION.length() + 5;
        return StartLine.of(VERSION + " " + code + " " + phrase, VERSION.length() + 1, VERSION.length() + 4,
                reasonStart, reasonStart + phrase.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Replaces the Request-URI (RFC 3261 §16.5, §16.6 step 2). */
    public MessageBuilder requestUri(String uri) {
        if (method == null) {
            throw new IllegalStateException("a response has no Request-URI");
        }
        startLine = requestLine(method, uri);
        return this;
    }

    /** Replaces the status code and reason phrase of a response. */
    public MessageBuilder status(int code, String reason) {
        if (method != null) {
            throw new IllegalStateException("a request has no status");
        }
        startLine = statusLine(code, reason);
        statusCode = code;
        return this;
    }

    /** Adds a field above every field of the same name (or at the top when there is none). */
    public MessageBuilder addFirst(HeaderName name, String value) {
        changed.add(name);
        int index = indexOf(name);
        fields.add(index < 0 ? 0 : index, HeaderField.of(name, value));
        return this;
    }

    /** Adds a field below every field of the same name (or at the end when there is none). */
    public MessageBuilder add(HeaderName name, String value) {
        changed.add(name);
        int last = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                last = i;
            }
        }
        fields.add(last < 0 ? fields.size() : last + 1, HeaderField.of(name, value));
        return this;
    }

    /** Replaces every field named {@code name} with one field holding {@code value}. */
    public MessageBuilder set(HeaderName name, String value) {
        changed.add(name);
        int index = indexOf(name);
        remove(name);
        fields.add(index < 0 ? fields.size() : index, HeaderField.of(name, value));
        return this;
    }

    /** Removes every field named {@code name}. */
    public MessageBuilder remove(HeaderName name) {
        changed.add(name);
        fields.removeIf(field -> field.name().equals(name));
        return this;
    }

    /**
     * Removes the first value of a list header such as Via or Route: the first field if it
     * holds one value, else that value from the field, leaving the others in place.
     */
    public MessageBuilder removeFirstValue(HeaderName name) throws SipParseException {
        changed.add(name);
        int index = indexOf(name);
        if (index >= 0) {
            List<String> values = ListValue.elements(fields.get(index).value(), name.name());
            if (values.size() == 1) {
                fields.remove(index);
            } else {
                fields.set(index, HeaderField.of(name, String.join(", ", values.subList(1, values.size()))));
            }
        }
        return this;
    }

    /** Sets the body with its Content-Type and a matching Content-Length. */
    public MessageBuilder body(byte[] content, String contentType) {
        body = Body.of(content.clone());
        set(HeaderName.CONTENT_LENGTH, Integer.toString(content.length));
        if (contentType != null) {
            set(HeaderName.CONTENT_TYPE, contentType);
        } else {
            remove(HeaderName.CONTENT_TYPE);
        }
        return this;
    }

    private int indexOf(HeaderName name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public SipMessage build() {
        HeaderField[] array = fields.toArray(new HeaderField[0]);
        SipMessage built = method != null
                ? new SipRequest(method, startLine, array, body)
                : new SipResponse(statusCode, startLine, array, body);
        if (origin != null) {
            built.inheritParsed(origin, changed::contains);
        }
        return built;
    }

    /** {@link #build()} for a builder known to hold a request. */
    public SipRequest buildRequest() {
        return (SipRequest) build();
    }

    /** {@link #build()} for a builder known to hold a response. */
    public SipResponse buildResponse() {
        return (SipResponse) build();
    }
}
