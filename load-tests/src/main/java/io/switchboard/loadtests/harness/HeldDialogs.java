package io.switchboard.loadtests.harness;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The target's memory with {@code held} calls answered and on hold, against the same before them:
 * the heap each held dialog costs. The heap figures are after a full collection when
 * {@code collected} (jcmd GC.run), else they include garbage and are rough.
 */
record HeldDialogs(long held, OptionalLong heapBefore, OptionalLong heapAfter, OptionalLong rssBefore,
        OptionalLong rssAfter, boolean collected) {

    /** Heap bytes per held dialog, when both heap figures are known. */
    OptionalLong heapPerDialog() {
        return heapBefore.isPresent() && heapAfter.isPresent() && held > 0
                ? OptionalLong.of((heapAfter.getAsLong() - heapBefore.getAsLong()) / held) : OptionalLong.empty();
    }

    String summary() {
        return String.format(Locale.ROOT, "held dialogs %d: heap %s -> %s%s, %s bytes per dialog; RSS %s -> %s",
                held, mib(heapBefore), mib(heapAfter), collected ? " (after GC)" : " (no GC: garbage included)",
                heapPerDialog().isPresent() ? Long.toString(heapPerDialog().getAsLong()) : "n/a",
                mib(rssBefore), mib(rssAfter));
    }

    static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.1f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
    }
}
