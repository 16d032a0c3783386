package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipResponse;
import java.util.ArrayList;
import java.util.List;

/** A {@link ClientTransactionListener} that records what it is told, in order. */
final class RecordingListener implements ClientTransactionListener {

    private final List<String> events = new ArrayList<>();
    private final List<SipResponse> responses = new ArrayList<>();
    private Exception transportError;

    @Override
    public synchronized void onProvisional(SipResponse response) {
        events.add("provisional " + response.statusCode());
        responses.add(response);
    }

    @Override
    public synchronized void onFinal(SipResponse response) {
        events.add("final " + response.statusCode());
        responses.add(response);
    }

    @Override
    public synchronized void onTimeout() {
        events.add("timeout");
    }

    @Override
    public synchronized void onTransportError(Exception cause) {
        events.add("transport error");
        transportError = cause;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized List<SipResponse> responses() {
        return List.copyOf(responses);
    }

    synchronized Exception transportError() {
        return transportError;
    }
}
