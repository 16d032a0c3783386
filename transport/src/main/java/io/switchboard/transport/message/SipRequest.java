package io.switchboard.transport.message;

import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;

/** A SIP request (RFC 3261 §7.1): method, Request-URI, header fields, body. */
public final class SipRequest extends SipMessage {

    private final SipMethod method;
    private Uri requestUri;

    SipRequest(SipMethod method, StartLine startLine, HeaderField[] fields, Body body) {
        super(startLine, fields, body);
        this.method = method;
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    public SipMethod method() {
        return method;
    }

    public boolean isInvite() {
        return method.isInvite();
    }

    public boolean isAck() {
        return method.isAck();
    }

    public boolean isCancel() {
        return method.isCancel();
    }

    public boolean isBye() {
        return method.isBye();
    }

    /** The Request-URI exactly as received. */
    public String requestUriText() {
        return startLine.middle();
    }

    /** The Request-URI, parsed on first use. */
    public Uri requestUri() throws SipParseException {
        Uri uri = requestUri;
        if (uri == null) {
            try {
                uri = Uri.parse(requestUriText());
            } catch (SipParseException e) {
                throw new SipParseException("Request-URI: " + e.getMessage(), e);
            }
            requestUri = uri;
        }
        return uri;
    }

    /**
     * Adds to {@link SipMessage#validate()} the checks of RFC 3261 §8.2.2 and §19.1.1: a
     * Request-URI that parses and carries no headers, and a CSeq method equal to the request's.
     */
    @Override
    public void validate() throws SipParseException {
        super.validate();
        Uri uri = requestUri();
        if (uri instanceof SipUri sip && !sip.headers().isEmpty()) {
            throw new SipParseException("Request-URI: headers are not allowed in a Request-URI (RFC 3261 §19.1.1): "
                    + requestUriText());
        }
        if (!cseq().method().equals(method)) {
            throw new SipParseException("CSeq method " + cseq().method() + " does not match the request method "
                    + method);
        }
    }

    @Override
    public MessageBuilder toBuilder() {
        return new MessageBuilder(this);
    }
}
