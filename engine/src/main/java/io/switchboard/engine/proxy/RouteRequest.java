package io.switchboard.engine.proxy;

import io.switchboard.actors.dialog.DialogAttributes;
import io.switchboard.actors.dialog.DialogChange;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dlgs.DlgsFunctions;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.engine.dialog.RequestDialog;
import io.switchboard.engine.dispatcher.DispatchList;
import io.switchboard.engine.dispatcher.Dispatcher;
import io.switchboard.engine.route.MessageFlags;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.ServerTransaction;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RequestContext} of one request through the request route. The request has a server
 * transaction unless it is an ACK for a 2xx (RFC 3261 §13.2.2.4), which is relayed statelessly.
 */
final class RouteRequest implements RequestContext {

    private static final Logger log = LoggerFactory.getLogger(RouteRequest.class);

    private final ProxyCore core;
    private final InboundMessage in;
    private final ServerTransaction transaction;
    private final MessageFlags flags = new MessageFlags();
    private SipRequest request;
    private boolean recordRoute;
    private boolean handled;
    private String dstUri;
    private DispatchList dispatch;
    private boolean suspended;
    private RequestDialog dialog;

    RouteRequest(ProxyCore core, InboundMessage in, SipRequest request, ServerTransaction transaction) {
        this.core = core;
        this.in = in;
        this.request = request;
        this.transaction = transaction;
    }

    /**
     * Runs route code for this request: a failure is answered 500 unless the request was handled,
     * and a request left unhandled is dropped — unless the route suspended it to go on later.
     */
    void run(Runnable route) {
        suspended = false;
        try {
            route.run();
        } catch (RuntimeException e) {
            log.error("request route failed for {} {}", request.method(), request.requestUriText(), e);
            if (!handled) {
                tReply(SipStatus.SERVER_INTERNAL_ERROR, "Server Internal Error");
            }
        }
        if (!handled && !suspended) {
            drop();
        }
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public Transport transport() {
        return in.transport();
    }

    @Override
    public InetSocketAddress source() {
        return in.remote();
    }

    @Override
    public boolean isMethod(String methods) {
        String method = request.method().name();
        for (String name : methods.split("\\|")) {
            if (name.trim().equalsIgnoreCase(method)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasToTag() {
        try {
            return request.to().tag() != null;
        } catch (SipParseException e) {
            return false;
        }
    }

    @Override
    public int maxfwdProcess(int maxValue) {
        MaxForwards.Outcome outcome = core.maxForwards.process(request, maxValue);
        request = outcome.request();
        return outcome.code();
    }

    @Override
    public boolean looseRoute() {
        if (hasToTag()) {
            dialog().looseRouted();
        }
        try {
            LooseRoute.Outcome outcome = core.looseRoute.process(request);
            request = outcome.request();
            return outcome.routed();
        } catch (SipParseException e) {
            log.debug("loose_route: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void recordRoute() {
        recordRoute = true;
    }

    @Override
    public boolean tRelay() {
        return tRelay(dstUri);
    }

    /**
     * {@code t_relay}: relays the request through its transaction (RFC 3261 §16.6), or statelessly
     * when it has none. An INVITE cancelled while the route was suspended is not relayed: the
     * CANCEL found no branch to cancel and was answered with its 487 already (§16.10).
     */
    @Override
    public boolean tRelay(String destination) {
        if (transaction == null) {
            return forward();
        }
        handled = true;
        if (transaction.isCancelled()) {
            return false;
        }
        if (request.isInvite() && !hasToTag() && dlgFlagSet()) {
            dialog().manage();
        }
        ProxiedRequest proxied = new ProxiedRequest(core, transaction, in, request, recordRoute, dispatch, dstUri,
                dialog != null && dialog.tracks() ? dialog : null);
        core.proxied.put(transaction, proxied);
        int failure = proxied.relay(destination);
        if (failure != 0) {
            core.proxied.remove(transaction);
            reply(failure, null);
            return false;
        }
        return true;
    }

    /**
     * {@code forward}: relays the request statelessly (RFC 3261 §16.11), ending its transaction;
     * an INVITE cancelled while the route was suspended is not relayed and keeps its transaction,
     * which answered it 487 (§16.10).
     */
    @Override
    public boolean forward() {
        handled = true;
        if (transaction != null) {
            if (transaction.isCancelled()) {
                return false;
            }
            transaction.release();
        }
        return core.forwardStatelessly(in, request, recordRoute);
    }

    @Override
    public void slSendReply(int code, String reason) {
        reply(code, reason);
    }

    /** As {@code sl_send_reply}: a request that has a transaction is answered through it. */
    @Override
    public void tReply(int code, String reason) {
        reply(code, reason);
    }

    private void reply(int code, String reason) {
        handled = true;
        if (request.isAck()) {
            return;
        }
        SipResponse response = core.sl.reply(request, code, reason);
        if (transaction != null) {
            core.reply(transaction, response);
        } else {
            core.replyStatelessly(in, response);
        }
    }

    @Override
    public void drop() {
        handled = true;
        if (transaction != null) {
            transaction.release();
        }
        core.counters.droppedRequests.increment();
    }

    @Override
    public void setFlag(int flag) {
        flags.set(flag);
    }

    @Override
    public void resetFlag(int flag) {
        flags.reset(flag);
    }

    @Override
    public boolean isFlagSet(int flag) {
        return flags.isSet(flag);
    }

    /** {@code dialog.dlg-flag} is set on this request (seed manual 001, 6.4). */
    private boolean dlgFlagSet() {
        OptionalInt dlgFlag = core.modules.dialogs().dlgFlag();
        return dlgFlag.isPresent() && flags.isSet(dlgFlag.getAsInt());
    }

    @Override
    public HashTables htable() {
        return core.modules.htable();
    }

    @Override
    public DlgsFunctions dlgs() {
        return new DlgsFunctions(core.modules.dlgs(), request);
    }

    @Override
    public String dstUri() {
        return dstUri;
    }

    @Override
    public boolean dsSelectDst(int set, int alg, int limit) {
        if (dstUri != null && !core.dispatcher.settings().forceDst()) {
            return false;
        }
        Optional<DispatchList> selected = core.dispatcher.select(request, in.remote(), set, alg, limit);
        selected.ifPresent(list -> {
            dispatch = list;
            dstUri = list.current().uri();
        });
        return selected.isPresent();
    }

    @Override
    public boolean dsSelectDomain(int set, int alg, int limit) {
        Optional<DispatchList> selected = core.dispatcher.select(request, in.remote(), set, alg, limit);
        if (selected.isEmpty() || !toDomain(selected.get().current())) {
            return false;
        }
        dispatch = selected.get();
        return true;
    }

    @Override
    public boolean dsNextDst() {
        Optional<Destination> next = core.dispatcher.next(dispatch, request);
        next.ifPresent(d -> dstUri = d.uri());
        return next.isPresent();
    }

    @Override
    public boolean dsNextDomain() {
        return core.dispatcher.next(dispatch, request).map(this::toDomain).orElse(false);
    }

    private boolean toDomain(Destination destination) {
        Optional<SipRequest> rewritten = Dispatcher.withDomain(request, destination);
        rewritten.ifPresent(r -> request = r);
        return rewritten.isPresent();
    }

    /** Marks with Kamailio's code for a mark from a request route, 820. */
    @Override
    public boolean dsMarkDst(String state) {
        return core.dispatcher.mark(dispatch, state, 820, "");
    }

    @Override
    public boolean dsListExist(int group) {
        return core.dispatcher.listExists(group);
    }

    @Override
    public boolean dsIsFromList(int group, int mode, String uri) {
        return core.dispatcher.isFromList(group, mode, uri, in.remote(), in.transport());
    }

    @Override
    public boolean dsLoadUpdate() {
        return core.dispatcher.loadUpdate(request);
    }

    @Override
    public boolean dsLoadUnset() {
        return core.dispatcher.loadUnset(request.header(HeaderName.CALL_ID), request.isInvite(), dispatch);
    }

    private RequestDialog dialog() {
        if (dialog == null) {
            dialog = core.modules.dialogs().request(in);
        }
        return dialog;
    }

    @Override
    public void dlgManage() {
        dialog().manage();
    }

    @Override
    public boolean isKnownDlg() {
        return dlgStatus().isPresent();
    }

    @Override
    public void isKnownDlg(Consumer<Boolean> then) {
        resume(dialog().status().thenApply(OptionalInt::isPresent), then);
    }

    /** The answer arrives within the ask's deadline: joining it holds the lane that long at most. */
    @Override
    public OptionalInt dlgStatus() {
        return dialog().status().toCompletableFuture().join();
    }

    @Override
    public void dlgStatus(Consumer<OptionalInt> then) {
        resume(dialog().status(), then);
    }

    @Override
    public OptionalLong dlgLifetime() {
        return dialog().lifetime().toCompletableFuture().join();
    }

    @Override
    public void dlgLifetime(Consumer<OptionalLong> then) {
        resume(dialog().lifetime(), then);
    }

    /** Suspends the request route; {@code then} goes on with the answer on the call's lane. */
    private <T> void resume(CompletionStage<T> answer, Consumer<T> then) {
        suspended = true;
        var lane = core.lanes.lane(request.header(HeaderName.CALL_ID));
        answer.thenAccept(value -> {
            try {
                lane.execute(() -> run(() -> then.accept(value)));
            } catch (RejectedExecutionException e) {
                log.debug("{} not resumed: the engine is stopping", request.method());
            }
        });
    }

    @Override
    public boolean dlgSetTimeout(int seconds) {
        return dialog().setTimeout(seconds);
    }

    @Override
    public boolean dlgSetTimeout(int seconds, int hEntry, long hId) {
        return dialog().setTimeout(seconds, hEntry, hId);
    }

    /** The answer arrives within the ask's deadline: joining it holds the lane that long at most. */
    @Override
    public boolean dlgBye(String side) {
        return dialog().bye(side).toCompletableFuture().join();
    }

    @Override
    public void dlgBye(String side, Consumer<Boolean> then) {
        resume(dialog().bye(side), then);
    }

    @Override
    public void dlgRefer(String side, String address, Consumer<Boolean> then) {
        resume(dialog().refer(side, address), then);
    }

    @Override
    public void dlgBridge(String from, String to, String op, Consumer<Boolean> then) {
        resume(dialog().bridge(from, to, op), then);
    }

    @Override
    public boolean dlgSetProperty(String name) {
        return dialog().setProperty(name, true);
    }

    @Override
    public boolean dlgResetProperty(String name) {
        return dialog().setProperty(name, false);
    }

    @Override
    public long dlgCount() {
        return dialog().count();
    }

    @Override
    public boolean setDlgProfile(String profile, String value) {
        return dialog().setProfile(profile, value, true);
    }

    @Override
    public boolean unsetDlgProfile(String profile, String value) {
        return dialog().setProfile(profile, value, false);
    }

    /** The answer arrives within the ask's deadline: joining it holds the lane that long at most. */
    @Override
    public boolean isInProfile(String profile, String value) {
        return dialog().inProfile(profile, value).toCompletableFuture().join();
    }

    @Override
    public void isInProfile(String profile, String value, Consumer<Boolean> then) {
        resume(dialog().inProfile(profile, value), then);
    }

    @Override
    public long getProfileSize(String profile, String value) {
        return dialog().profileSize(profile, value);
    }

    @Override
    public boolean dlgSetTimeoutByProfile(String profile, String value, int seconds) {
        return dialog().setTimeoutByProfile(profile, value, seconds);
    }

    @Override
    public String dlgVar(String name) {
        return attributes().variable(name);
    }

    @Override
    public boolean setDlgVar(String name, String value) {
        return dialog().change(new DialogChange.Variable(name, value));
    }

    @Override
    public boolean dlgSetFlag(int flag) {
        return dialog().change(new DialogChange.Flag(flag, true));
    }

    @Override
    public boolean dlgResetFlag(int flag) {
        return dialog().change(new DialogChange.Flag(flag, false));
    }

    @Override
    public boolean dlgIsFlagSet(int flag) {
        return attributes().flagSet(flag);
    }

    @Override
    public boolean setDlgCtx(String key, String value) {
        return dialog().change(new DialogChange.Context(key, value));
    }

    @Override
    public String dlgCtx(String key) {
        if (DialogChange.Context.TIMEOUT_BYE.equals(key)) {
            return dialog().timeoutBye().toCompletableFuture().join() ? "1" : "0";
        }
        if (DialogChange.Context.TIMEOUT_ROUTE.equals(key)) {
            return attributes().timeoutRoute();
        }
        throw new IllegalArgumentException("unknown $dlg_ctx key \"" + key + "\"");
    }

    /** The dialog's attributes, none without a dialog; the answer arrives within the ask's deadline. */
    private DialogAttributes attributes() {
        return dialog().attributes().toCompletableFuture().join().orElse(DialogAttributes.NONE);
    }

    @Override
    public Optional<DialogSnapshot> dlgGet(String callId, String fromTag, String toTag) {
        return dialog().find(callId, fromTag, toTag).toCompletableFuture().join();
    }

    @Override
    public boolean dlgSetRuri() {
        Optional<String> target = dialog().remoteTarget().toCompletableFuture().join();
        if (target.isEmpty() || target.get() == null) {
            return false;
        }
        request = request.toBuilder().requestUri(target.get()).buildRequest();
        return true;
    }
}
