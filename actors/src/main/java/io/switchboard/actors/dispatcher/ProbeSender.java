package io.switchboard.actors.dispatcher;

import java.util.concurrent.CompletionStage;

/**
 * Sends the keep-alive probe of a destination (seed manual 002, 3.20 {@code ds_ping_method} from
 * 3.21 {@code ds_ping_from}, through a client transaction as Kamailio's TM does) and completes
 * with its final status: the answer's, 408 when it timed out. A probe that cannot be sent
 * completes exceptionally. The engine gives the real one; tests give their own.
 */
@FunctionalInterface
public interface ProbeSender {

    CompletionStage<ProbeAnswer> probe(Destination destination);

    /** The final status of a probe and its reason phrase. */
    record ProbeAnswer(int code, String reason) {
    }
}
