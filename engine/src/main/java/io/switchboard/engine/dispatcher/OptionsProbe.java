package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.actors.dispatcher.DispatcherSettings;
import io.switchboard.actors.dispatcher.ProbeSender;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.proxy.NextHop;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.ClientTransactionListener;
import io.switchboard.transport.transaction.Hop;
import io.switchboard.transport.transaction.TransactionLayer;
import io.switchboard.transport.uri.Uri;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The dispatcher's keep-alive (seed manual 002, 3.20–3.22, 3.31): a {@code ds_ping_method}
 * request (OPTIONS) to the destination's URI, From {@code ds_ping_from}, sent in a client
 * transaction of the engine's transaction layer to the destination or to
 * {@code outbound_proxy}. The transaction's final response, or its timeout as a local 408, is the
 * probe's answer.
 */
final class OptionsProbe implements ProbeSender {

    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final Lanes lanes;
    private final SipMethod method;
    private final String from;
    private final String outboundProxy;
    private final LongAdder sent = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    OptionsProbe(TransactionLayer transactions, LocalAddresses local, Lanes lanes, DispatcherSettings settings) {
        this.transactions = transactions;
        this.local = local;
        this.lanes = lanes;
        this.method = SipMethod.of(settings.pingMethod());
        this.from = settings.pingFrom();
        this.outboundProxy = settings.outboundProxy();
    }

    @Override
    public CompletionStage<ProbeAnswer> probe(Destination destination) {
        CompletableFuture<ProbeAnswer> answer = new CompletableFuture<>();
        try {
            NextHop hop = NextHop.of(outboundProxy.isEmpty() ? destination.sipUri() : Uri.parse(outboundProxy));
            String callId = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@switchboard";
            SipRequest request = request(destination.uri(), local.listener(hop.transport()), callId);
            transactions.sendRequest(request, new Hop(hop.transport().name(), hop.address()), listener(answer),
                    lanes.lane(callId));
            sent.increment();
        } catch (NextHop.UnroutableException | SipParseException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private SipRequest request(String uri, ListenAddress via, String callId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String branch = Via.MAGIC_COOKIE + Long.toHexString(random.nextLong());
        return MessageBuilder.request(method, uri)
                .add(HeaderName.VIA, Via.of(via.transport().name(), LocalAddresses.uriHost(via), via.port(), branch)
                        .toString())
                .add(HeaderName.MAX_FORWARDS, "70")
                .add(HeaderName.FROM, "<" + from + ">;tag=" + Integer.toHexString(random.nextInt()))
                .add(HeaderName.TO, "<" + uri + ">")
                .add(HeaderName.CALL_ID, callId)
                .add(HeaderName.CSEQ, "10 " + method.name())
                .add(HeaderName.CONTENT_LENGTH, "0")
                .buildRequest();
    }

    private ClientTransactionListener listener(CompletableFuture<ProbeAnswer> answer) {
        return new ClientTransactionListener() {
            @Override
            public void onFinal(SipResponse response) {
                answer.complete(new ProbeAnswer(response.statusCode(), response.reasonPhrase()));
            }

            @Override
            public void onTimeout() {
                timeouts.increment();
                answer.complete(new ProbeAnswer(SipStatus.REQUEST_TIMEOUT, "Request Timeout"));
            }

            @Override
            public void onTransportError(Exception cause) {
                timeouts.increment();
                answer.completeExceptionally(cause);
            }
        };
    }

    /** Probes sent since start. */
    long sent() {
        return sent.sum();
    }

    /** Probes that got no answer (timed out or could not be sent) since start. */
    long unanswered() {
        return timeouts.sum();
    }
}
