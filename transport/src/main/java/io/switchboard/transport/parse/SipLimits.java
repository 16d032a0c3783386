package io.switchboard.transport.parse;

/**
 * The size limits the parser enforces, each with a name an operator sees in errors and in the
 * configuration. A message past any of them is rejected with {@link SipLimitExceededException}.
 *
 * @param maxMessageSize largest message in bytes, start line, headers and body together
 * @param maxHeaderCount largest number of header field lines in one message
 * @param maxLineLength longest single line (start line or one physical header line) in bytes
 */
public record SipLimits(int maxMessageSize, int maxHeaderCount, int maxLineLength) {

    /** 65,535 bytes (the largest UDP datagram), 256 header lines, 16,384-byte lines. */
    public static final SipLimits DEFAULT = new SipLimits(65_535, 256, 16_384);

    public SipLimits {
        if (maxMessageSize < 1 || maxHeaderCount < 1 || maxLineLength < 1) {
            throw new IllegalArgumentException("SIP limits must be positive: " + maxMessageSize + ", "
                    + maxHeaderCount + ", " + maxLineLength);
        }
    }

    /** The limits a message can break, with the name used in configuration and errors. */
    public enum Limit {
        MAX_MESSAGE_SIZE("max-message-size"),
        MAX_HEADER_COUNT("max-header-count"),
        MAX_LINE_LENGTH("max-line-length");

        private final String settingName;

        Limit(String settingName) {
            this.settingName = settingName;
        }

        public String settingName() {
            return settingName;
        }
    }
}
