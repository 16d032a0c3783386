package io.switchboard.persistence.dispatcher;

/**
 * A destination list that cannot be loaded: a line of the list file or a row of the table that
 * does not follow the format, or a source that cannot be read. The message names where (file and
 * line, or table and row) and what is wrong. A load that throws it is refused as a whole; the sets
 * in use stay (seed manual 002, 6.3 {@code dispatcher.reload}).
 */
public final class DestinationLoadException extends Exception {

    public DestinationLoadException(String where, String problem) {
        super(where + ": " + problem);
    }

    public DestinationLoadException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
