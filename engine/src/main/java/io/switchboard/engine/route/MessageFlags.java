package io.switchboard.engine.route;

/**
 * The flags of one request as Kamailio's core keeps them ({@code setflag(n)}, {@code resetflag(n)},
 * {@code isflagset(n)}): 32 of them, numbered 0 to 31, all clear when the request arrives. A flag
 * can ask a module to act on the request, as {@code dialog.dlg-flag} does (seed manual 001, 6.4).
 */
public final class MessageFlags {

    /** The highest flag number, Kamailio's {@code MAX_FLAG}. */
    public static final int MAX_FLAG = 31;

    private int bits;

    /** {@code setflag(flag)}. */
    public void set(int flag) {
        bits |= bit(flag);
    }

    /** {@code resetflag(flag)}. */
    public void reset(int flag) {
        bits &= ~bit(flag);
    }

    /** {@code isflagset(flag)}. */
    public boolean isSet(int flag) {
        return (bits & bit(flag)) != 0;
    }

    private static int bit(int flag) {
        if (flag < 0 || flag > MAX_FLAG) {
            throw new IllegalArgumentException("a flag is a number from 0 to " + MAX_FLAG + ", not " + flag);
        }
        return 1 << flag;
    }
}
