package io.switchboard.transport.message;

import java.util.Arrays;

/**
 * A message body over the bytes it arrived in, with the Content-Length the message declared
 * ({@code -1} when it had none; RFC 3261 §18.3, §20.14).
 */
record Body(byte[] buf, int offset, int length, int declaredLength) {

    static final Body EMPTY = new Body(new byte[0], 0, 0, -1);

    static Body of(byte[] bytes) {
        return new Body(bytes, 0, bytes.length, bytes.length);
    }

    /** True when fewer bytes arrived than the Content-Length declared (a datagram cut short, RFC 3261 §18.3). */
    boolean isShort() {
        return declaredLength > length;
    }

    static String shortfall(int declaredLength, int received) {
        return "Content-Length " + declaredLength + " is larger than the " + received + " body bytes received";
    }

    byte[] bytes() {
        return Arrays.copyOfRange(buf, offset, offset + length);
    }

    void copyTo(byte[] out, int pos) {
        System.arraycopy(buf, offset, out, pos, length);
    }
}
