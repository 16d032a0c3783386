package io.switchboard.transport.message;

import io.switchboard.transport.header.CSeq;
import io.switchboard.transport.header.CallId;
import io.switchboard.transport.header.ContentType;
import io.switchboard.transport.header.Credentials;
import io.switchboard.transport.header.DecimalValue;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.header.RetryAfter;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.parse.SipParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A SIP message (RFC 3261 §7): start line, header fields in order, body. Immutable, and parsed
 * lazily over the bytes it was received as: framing found the start line, each header field's
 * boundaries and the body; a typed header ({@link #vias()}, {@link #cseq()}, ...) is parsed the
 * first time it is asked for, and a bad one throws {@link SipParseException} then. Changes go
 * through {@link #toBuilder()}, which writes every unchanged byte back as it was.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    final StartLine startLine;
    final HeaderField[] fields;
    final Body body;

    private List<Via> vias;
    private NameAddress from;
    private NameAddress to;
    private CSeq cseq;
    private String callId;
    private List<NameAddress> contacts;
    private List<NameAddress> routes;
    private List<NameAddress> recordRoutes;

    SipMessage(StartLine startLine, HeaderField[] fields, Body body) {
        this.startLine = startLine;
        this.fields = fields;
        this.body = body;
    }

    /**
     * Takes what {@code origin} has already parsed of the headers {@code changed} says were left
     * as they were: a copy a {@link MessageBuilder} made with its Via or Max-Forwards changed does
     * not parse its From, To, Call-ID, CSeq, Contact, Route and Record-Route again. Every value
     * taken is immutable.
     */
    final void inheritParsed(SipMessage origin, Predicate<HeaderName> changed) {
        if (!changed.test(HeaderName.VIA)) {
            vias = origin.vias;
        }
        if (!changed.test(HeaderName.FROM)) {
            from = origin.from;
        }
        if (!changed.test(HeaderName.TO)) {
            to = origin.to;
        }
        if (!changed.test(HeaderName.CSEQ)) {
            cseq = origin.cseq;
        }
        if (!changed.test(HeaderName.CALL_ID)) {
            callId = origin.callId;
        }
        if (!changed.test(HeaderName.CONTACT)) {
            contacts = origin.contacts;
        }
        if (!changed.test(HeaderName.ROUTE)) {
            routes = origin.routes;
        }
        if (!changed.test(HeaderName.RECORD_ROUTE)) {
            recordRoutes = origin.recordRoutes;
        }
    }

    public abstract boolean isRequest();

    public final boolean isResponse() {
        return !isRequest();
    }

    /** Every header field in order of appearance. */
    public final List<HeaderField> headers() {
        return List.of(fields);
    }

    /** The fields named {@code name} (compact forms included), in order. */
    public final List<HeaderField> fields(HeaderName name) {
        List<HeaderField> out = new ArrayList<>(2);
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                out.add(field);
            }
        }
        return out;
    }

    /** The value of the first field named {@code name}, or null. */
    public final String header(HeaderName name) {
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** The values of the fields named {@code name}, one per field line. */
    public final List<String> headerValues(HeaderName name) {
        List<String> out = new ArrayList<>(2);
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                out.add(field.value());
            }
        }
        return out;
    }

    public final boolean hasHeader(HeaderName name) {
        return header(name) != null;
    }

    /** The one value of a single-instance header field; absent or repeated is a parse error. */
    final String single(HeaderName name) throws SipParseException {
        String found = null;
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                if (found != null) {
                    throw new SipParseException(name + " header appears more than once");
                }
                found = field.value();
            }
        }
        if (found == null) {
            throw new SipParseException("missing " + name + " header");
        }
        return found;
    }

    /** Every Via value, top first, across lines and comma-separated values (RFC 3261 §20.42). */
    public final List<Via> vias() throws SipParseException {
        List<Via> v = vias;
        if (v == null) {
            v = new ArrayList<>(2);
            for (HeaderField field : fields) {
                if (field.name().equals(HeaderName.VIA)) {
                    v.addAll(Via.parseAll(field.value()));
                }
            }
            v = List.copyOf(v);
            vias = v;
        }
        return v;
    }

    /** The topmost Via; a message without one is a parse error. */
    public final Via topVia() throws SipParseException {
        List<Via> v = vias();
        if (v.isEmpty()) {
            throw new SipParseException("missing Via header");
        }
        return v.get(0);
    }

    public final NameAddress from() throws SipParseException {
        if (from == null) {
            from = NameAddress.parse(single(HeaderName.FROM), "From");
        }
        return from;
    }

    public final NameAddress to() throws SipParseException {
        if (to == null) {
            to = NameAddress.parse(single(HeaderName.TO), "To");
        }
        return to;
    }

    public final String callId() throws SipParseException {
        if (callId == null) {
            callId = CallId.validate(single(HeaderName.CALL_ID));
        }
        return callId;
    }

    public final CSeq cseq() throws SipParseException {
        if (cseq == null) {
            cseq = CSeq.parse(single(HeaderName.CSEQ));
        }
        return cseq;
    }

    /** Max-Forwards (RFC 3261 §20.22), or -1 when absent. */
    public final int maxForwards() throws SipParseException {
        return (int) optionalNumber(HeaderName.MAX_FORWARDS, DecimalValue.MAX_MAX_FORWARDS);
    }

    /** Expires in seconds (RFC 3261 §20.19), or -1 when absent. */
    public final long expires() throws SipParseException {
        return optionalNumber(HeaderName.EXPIRES, DecimalValue.MAX_DELTA_SECONDS);
    }

    private long optionalNumber(HeaderName name, long max) throws SipParseException {
        return count(name) == 0 ? -1 : DecimalValue.parse(single(name), name.name(), max);
    }

    /** Every Contact value, in order, parsed once (the sanity check's parse serves the route). */
    public final List<NameAddress> contacts() throws SipParseException {
        return contacts != null ? contacts : (contacts = addressList(HeaderName.CONTACT));
    }

    /** Every Route value, top first, parsed once. */
    public final List<NameAddress> routes() throws SipParseException {
        return routes != null ? routes : (routes = addressList(HeaderName.ROUTE));
    }

    /** Every Record-Route value, top first, parsed once. */
    public final List<NameAddress> recordRoutes() throws SipParseException {
        return recordRoutes != null ? recordRoutes : (recordRoutes = addressList(HeaderName.RECORD_ROUTE));
    }

    /** The values of every {@code name} line, across lines and comma-separated values; immutable. */
    private List<NameAddress> addressList(HeaderName name) throws SipParseException {
        List<NameAddress> out = new ArrayList<>(2);
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                out.addAll(NameAddress.parseAll(field.value(), name.name()));
            }
        }
        return List.copyOf(out);
    }

    /** Content-Type, or null when absent. */
    public final ContentType contentType() throws SipParseException {
        return count(HeaderName.CONTENT_TYPE) == 0 ? null : ContentType.parse(single(HeaderName.CONTENT_TYPE));
    }

    /** Retry-After, or null when absent. */
    public final RetryAfter retryAfter() throws SipParseException {
        return count(HeaderName.RETRY_AFTER) == 0 ? null : RetryAfter.parse(single(HeaderName.RETRY_AFTER));
    }

    /** The first Authorization credentials, or null. */
    public final Credentials authorization() throws SipParseException {
        String value = header(HeaderName.AUTHORIZATION);
        return value == null ? null : Credentials.parse(value, "Authorization");
    }

    /** The first Proxy-Authorization credentials, or null. */
    public final Credentials proxyAuthorization() throws SipParseException {
        String value = header(HeaderName.PROXY_AUTHORIZATION);
        return value == null ? null : Credentials.parse(value, "Proxy-Authorization");
    }

    /** Number of field lines named {@code name}. */
    public final int count(HeaderName name) {
        int n = 0;
        for (HeaderField field : fields) {
            if (field.name().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** The Content-Length as declared, or -1 when the message has none (RFC 3261 §20.14). */
    public final int declaredContentLength() {
        return body.declaredLength();
    }

    public final int bodyLength() {
        return body.length();
    }

    /** A copy of the body bytes. */
    public final byte[] body() {
        return body.bytes();
    }

    /** Number of bytes {@link #encode()} produces. */
    public final int encodedLength() {
        int length = startLine.length() + 2 + body.length();
        for (HeaderField field : fields) {
            length += field.encodedLength();
        }
        return length;
    }

    /**
     * The same message holding only its bytes and where its headers are, for one that is kept
     * after it has done its work: a settled transaction keeps its request and final response for
     * up to 64 × T1 (RFC 3261 §17.2.1 Timer L, §17.2.2 Timer J) to answer retransmissions, and
     * the headers parsed on the way through (Vias, addresses, URIs, every value as a string) would
     * stay with them, several kilobytes a call. Parsed again if asked; this message itself when
     * it cannot be framed again.
     */
    public final SipMessage compacted() {
        try {
            return SipFramer.DEFAULT.frame(encode());
        } catch (SipParseException e) {
            return this;
        }
    }

    /** The message on the wire: unchanged parts byte for byte as received. */
    public final byte[] encode() {
        byte[] out = new byte[encodedLength()];
        int pos = startLine.copyTo(out, 0);
        for (HeaderField field : fields) {
            pos = field.copyTo(out, pos);
        }
        out[pos++] = '\r';
        out[pos++] = '\n';
        body.copyTo(out, pos);
        return out;
    }

    /**
     * Parses every header this model knows and checks what RFC 3261 §8.1.1 and §8.2 require of
     * any message: To, From, Call-ID, CSeq and Via present, single-instance headers not repeated,
     * values in range, and (§18.3) the whole body the Content-Length declares. Subclasses add the
     * checks of their start line.
     */
    public void validate() throws SipParseException {
        vias();
        if (vias.isEmpty()) {
            throw new SipParseException("missing Via header");
        }
        from();
        to();
        callId();
        cseq();
        maxForwards();
        expires();
        contacts();
        routes();
        recordRoutes();
        contentType();
        retryAfter();
        authorization();
        proxyAuthorization();
        String date = header(HeaderName.DATE);
        if (date != null) {
            io.switchboard.transport.header.SipDate.parse(date);
        }
        if (count(HeaderName.CONTENT_LENGTH) > 1) {
            single(HeaderName.CONTENT_LENGTH);
        }
        if (body.isShort()) {
            throw new SipParseException(Body.shortfall(body.declaredLength(), body.length()));
        }
    }

    /** A builder starting from this message. */
    public abstract MessageBuilder toBuilder();

    @Override
    public String toString() {
        return new String(encode(), java.nio.charset.StandardCharsets.UTF_8);
    }

}
