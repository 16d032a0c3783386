package io.switchboard.actors.dispatcher;

import io.switchboard.persistence.dispatcher.DestinationListFile;
import io.switchboard.persistence.dispatcher.DestinationLoadException;
import io.switchboard.persistence.dispatcher.DestinationRecord;
import io.switchboard.persistence.dispatcher.DestinationSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/** A list file held in memory, which a test can change between loads. */
final class ListSource implements DestinationSource {

    private volatile String text;

    ListSource(String... lines) {
        set(lines);
    }

    void set(String... lines) {
        text = String.join("\n", lines);
    }

    @Override
    public List<DestinationRecord> load() throws DestinationLoadException {
        try {
            return DestinationListFile.parse(new StringReader(text), "test.list");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "test.list";
    }
}
