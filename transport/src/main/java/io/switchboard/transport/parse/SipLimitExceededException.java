package io.switchboard.transport.parse;

/**
 * A message larger than one of the {@link SipLimits}: the exception names the limit, its value
 * and what the message had, so the log line says which setting to look at.
 */
public final class SipLimitExceededException extends SipParseException {

    private final SipLimits.Limit limit;

    public SipLimitExceededException(SipLimits.Limit limit, long allowed, long actual) {
        super("message exceeds " + limit.settingName() + " (" + allowed + "): " + actual);
        this.limit = limit;
    }

    public SipLimits.Limit limit() {
        return limit;
    }
}
