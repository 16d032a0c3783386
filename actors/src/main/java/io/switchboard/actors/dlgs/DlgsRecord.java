package io.switchboard.actors.dlgs;

import java.util.ArrayList;
import java.util.List;

/**
 * One call tracked statelessly (Kamailio's {@code dlgs_item_t}): found by Call-ID, with its tags,
 * the {@code src}, {@code dst} and {@code data} given to {@code dlgs_init}, its state and when it
 * started, was answered and ended (epoch milliseconds; 0 when not yet), and the tags added by
 * {@code dlgs_tags_add}. Immutable: a change makes a new record.
 */
public record DlgsRecord(String callId, String ftag, String ttag, String ruid, String src, String dst, String data,
        DlgsState state, long tsInit, long tsAnswer, long tsFinish, List<String> tags) {

    public DlgsRecord {
        tags = List.copyOf(tags);
    }

    DlgsRecord withState(DlgsState next, long now) {
        long answer = next == DlgsState.ANSWERED ? now : tsAnswer;
        long finish = next == DlgsState.TERMINATED || next == DlgsState.NOTANSWERED ? now : tsFinish;
        return new DlgsRecord(callId, ftag, ttag, ruid, src, dst, data, next, tsInit, answer, finish, tags);
    }

    DlgsRecord withToTag(String tag) {
        return new DlgsRecord(callId, ftag, tag, ruid, src, dst, data, state, tsInit, tsAnswer, tsFinish, tags);
    }

    DlgsRecord withTag(String tag, boolean add) {
        List<String> next = new ArrayList<>(tags);
        if (add) {
            next.add(0, tag);
        } else {
            next.remove(tag);
        }
        return new DlgsRecord(callId, ftag, ttag, ruid, src, dst, data, state, tsInit, tsAnswer, tsFinish, next);
    }
}
