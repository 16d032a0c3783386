package io.switchboard.transport.message;

/** A SIP response (RFC 3261 §7.2): status code, reason phrase, header fields, body. */
public final class SipResponse extends SipMessage {

    private final int statusCode;

    SipResponse(int statusCode, StartLine startLine, HeaderField[] fields, Body body) {
        super(startLine, fields, body);
        this.statusCode = statusCode;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase as received (possibly empty). */
    public String reasonPhrase() {
        return startLine.last();
    }

    /** 1xx (RFC 3261 §21.1). */
    public boolean isProvisional() {
        return statusCode < 200;
    }

    /** 2xx–6xx. */
    public boolean isFinal() {
        return statusCode >= 200;
    }

    /** 2xx (RFC 3261 §21.2). */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The hundreds digit: 1 for provisional, 2 for success, ... 6 for global failure. */
    public int statusClass() {
        return statusCode / 100;
    }

    @Override
    public MessageBuilder toBuilder() {
        return new MessageBuilder(this);
    }
}
