package io.switchboard.transport.message;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request method (RFC 3261 §7.1, §27.4). The methods of RFC 3261 and its common extensions are
 * cached constants; any other token is a valid extension method (RFC 3261 §25.1 {@code
 * extension-method}) and compares by its exact, case-sensitive name.
 */
public final class SipMethod {

    public static final SipMethod INVITE = new SipMethod("INVITE");
    public static final SipMethod ACK = new SipMethod("ACK");
    public static final SipMethod BYE = new SipMethod("BYE");
    public static final SipMethod CANCEL = new SipMethod("CANCEL");
    public static final SipMethod OPTIONS = new SipMethod("OPTIONS");
    public static final SipMethod REGISTER = new SipMethod("REGISTER");
    public static final SipMethod PRACK = new SipMethod("PRACK");
    public static final SipMethod SUBSCRIBE = new SipMethod("SUBSCRIBE");
    public static final SipMethod NOTIFY = new SipMethod("NOTIFY");
    public static final SipMethod PUBLISH = new SipMethod("PUBLISH");
    public static final SipMethod INFO = new SipMethod("INFO");
    public static final SipMethod REFER = new SipMethod("REFER");
    public static final SipMethod MESSAGE = new SipMethod("MESSAGE");
    public static final SipMethod UPDATE = new SipMethod("UPDATE");

    private static final SipMethod[] CACHED = {
        INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER,
        MESSAGE, UPDATE
    };
    private static final Map<String, SipMethod> BY_NAME = Map.ofEntries(
            java.util.Arrays.stream(CACHED).map(m -> Map.entry(m.name, m)).toArray(Map.Entry[]::new));

    private final String name;
    private final byte[] bytes;

    private SipMethod(String name) {
        this.name = name;
        this.bytes = name.getBytes(StandardCharsets.US_ASCII);
    }

    /** The cached constant for {@code name}, or a new extension method. */
    public static SipMethod of(String name) {
        SipMethod cached = BY_NAME.get(name);
        return cached != null ? cached : new SipMethod(name);
    }

    /** Resolves a method from received bytes, allocating only for extension methods. */
    public static SipMethod of(byte[] buf, int offset, int length) {
        for (SipMethod method : CACHED) {
            if (method.matches(buf, offset, length)) {
                return method;
            }
        }
        return new SipMethod(new String(buf, offset, length, StandardCharsets.ISO_8859_1));
    }

    private boolean matches(byte[] buf, int offset, int length) {
        if (bytes.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf[offset + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    public String name() {
        return name;
    }

    public boolean isInvite() {
        return this == INVITE;
    }

    public boolean isAck() {
        return this == ACK;
    }

    public boolean isCancel() {
        return this == CANCEL;
    }

    public boolean isBye() {
        return this == BYE;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SipMethod m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
