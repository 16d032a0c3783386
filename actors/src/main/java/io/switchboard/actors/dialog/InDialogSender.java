package io.switchboard.actors.dialog;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends a request the dialog module generates (a BYE on timeout with {@code send-bye}, seed manual
 * 6.49, for {@code dlg_bye}, 7.8, or {@code dlg.terminate_dlg}, 9.8; a REFER of {@code dlg_refer},
 * 7.9; a keep-alive OPTIONS, 6.52) through a client transaction (RFC 3261 §17.1).
 * The engine implements it; it adds the Via, picks the next hop from the Route set or the
 * Request-URI (RFC 3261 §8.1.2) and sends from {@code localSocket}.
 */
@FunctionalInterface
public interface InDialogSender {

    /**
     * Sends {@code request} from {@code localSocket} (the socket string the dialog recorded, e.g.
     * {@code udp:192.0.2.10:5060}) and completes with the final response's status code, 408 when
     * the transaction timed out. Must not block.
     */
    CompletionStage<Integer> send(SipRequest request, String localSocket);

    /**
     * Sends a BYE to each of {@code targets} (caller first) built by {@link DialogRequests#bye}
     * from the socket the dialog uses towards it; completes with their status codes in that
     * order, 500 for one that could not be sent.
     */
    default CompletionStage<List<Integer>> sendByes(Dialog dialog, Set<Side> targets) {
        return sendByes(dialog, targets, LocalHeaders.NONE);
    }

    /** {@link #sendByes(Dialog, Set)} with the {@code headers} for each target. */
    default CompletionStage<List<Integer>> sendByes(Dialog dialog, Set<Side> targets, LocalHeaders headers) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        Set<Side> ordered = EnumSet.noneOf(Side.class);
        ordered.addAll(targets);
        for (Side target : ordered) {
            answers.add(sendTo(dialog, target, DialogRequests.bye(dialog, target, headers.to(target)))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> answers.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Sends a keep-alive OPTIONS to {@code target} built by {@link DialogRequests#keepAlive} (seed
     * manual 6.52); completes with its status code, 408 when it timed out or could not be sent —
     * the UA is not reached either way.
     */
    default CompletionStage<Integer> sendKeepAlive(Dialog dialog, Side target, LocalHeaders headers) {
        return send(dialog, target, DialogRequests.keepAlive(dialog, target, headers.to(target)))
                .exceptionally(e -> SipStatus.REQUEST_TIMEOUT);
    }

    /**
     * Sends {@code request}, built for {@code target} of {@code dialog} (a REFER of
     * {@link DialogRequests#refer}), from the socket the dialog uses towards it; completes with its
     * status code, 500 when it could not be sent.
     */
    default CompletionStage<Integer> sendTo(Dialog dialog, Side target, SipRequest request) {
        return send(dialog, target, request).exceptionally(e -> SipStatus.SERVER_INTERNAL_ERROR);
    }

    private CompletableFuture<Integer> send(Dialog dialog, Side target, SipRequest request) {
        String socket = target == Side.CALLER ? dialog.invite().callerSocket() : dialog.invite().calleeSocket();
        try {
            return send(request, socket).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
