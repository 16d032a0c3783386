package io.switchboard.persistence.dispatcher;

import java.util.List;

/**
 * Where the dispatcher's destination sets come from (seed manual 002, 3.1 {@code list_file} and
 * 3.2 {@code db_url}): a {@link DestinationListFile} or a {@link DestinationTable}. Loading reads
 * the whole source and checks every entry; it blocks, so it runs off the hot path.
 */
public interface DestinationSource {

    /**
     * Every destination in the order the source gives them.
     *
     * @throws DestinationLoadException naming the first bad entry, or why the source cannot be read
     */
    List<DestinationRecord> load() throws DestinationLoadException;
}
