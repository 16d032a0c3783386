package io.switchboard.actors.dialog;

import io.switchboard.transport.message.SipRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link InDialogSender} that keeps what it is asked to send and answers every request with one code, which a test may change. */
final class RecordingSender implements InDialogSender {

    /** One request and the socket it was to leave from. */
    record Sent(SipRequest request, String socket) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile int answer;

    RecordingSender(int answer) {
        this.answer = answer;
    }

    /** Answers the requests from now on with {@code code}. */
    void answerWith(int code) {
        this.answer = code;
    }

    @Override
    public CompletionStage<Integer> send(SipRequest request, String localSocket) {
        sent.add(new Sent(request, localSocket));
        return CompletableFuture.completedFuture(answer);
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** What was sent with {@code method}, in order. */
    List<Sent> sent(String method) {
        return sent.stream().filter(s -> s.request().method().name().equals(method)).toList();
    }
}
