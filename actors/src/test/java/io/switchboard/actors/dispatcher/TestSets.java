package io.switchboard.actors.dispatcher;

import io.switchboard.persistence.dispatcher.DestinationListFile;
import io.switchboard.persistence.dispatcher.DestinationRecord;
import java.io.StringReader;
import java.util.List;
import java.util.Random;

/** Destination sets for the tests, written as list file lines. */
final class TestSets {

    private TestSets() {
    }

    static List<DestinationRecord> records(String... lines) {
        try {
            return DestinationListFile.parse(new StringReader(String.join("\n", lines)), "test.list");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static DestinationSets sets(String... lines) {
        return DestinationSets.of(records(lines), new Random(7));
    }

    static DestinationSet set(String... lines) {
        DestinationSets sets = sets(lines);
        return sets.all().iterator().next();
    }

    /** {@code set} with the destination at {@code uri} in state {@code flags}. */
    static DestinationSet withState(DestinationSet set, String uri, int flags) {
        int i = set.indexOf(uri);
        return set.with(i, set.get(i).withState(flags, 0), new Random(7));
    }
}
