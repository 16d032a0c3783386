package io.switchboard.loadtests.sipp;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.route.FailureContext;
import io.switchboard.engine.route.ProxyRoute;
import io.switchboard.engine.route.ReplyContext;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.transport.message.HeaderName;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The built-in proxy route with the dialog part of the routing API used around it, as an
 * operator's route would, counting what it sees: the event routes, {@code $DLG_status} of each
 * ACK, {@code is_known_dlg()} and {@code $DLG_lifetime} of each BYE — all without holding the
 * call's lane — and the highest {@code $DLG_count} (seed manual 10.1) a BYE saw. An INVITE to a
 * user starting with {@code short} gets a 5 s lifetime ({@code dlg_set_timeout}), one to a user
 * starting with {@code ka} keep-alives to the callee
 * ({@code dlg_set_property("ka-dst")}). An INFO within a call with {@code X-Test: dlgbye} is
 * answered 200 and ends the call ({@code dlg_bye("all")}); one with {@code X-Test: dlgrefer}
 * transfers the callee to {@link #REFER_TO} ({@code dlg_refer}) and is answered 200 when the
 * callee accepted, 603 when not. {@code dialog:end} is also counted with its cause. When a
 * profile named {@link #CALLS_PROFILE} is configured ({@code dialog.profiles-no-value}), every
 * tracked call is put in it ({@code set_dlg_profile}).
 */
public final class DialogProbeRoute implements Route {

    /** Per-dialog lifetime of calls to {@code short...}. */
    static final int SHORT_LIFETIME_SECONDS = 5;

    /** Where {@code dlg_refer} sends the callee. */
    static final String REFER_TO = "sip:announcement@example.org";

    /** The profile without values every call is put in, when configured. */
    static final String CALLS_PROFILE = "calls";

    private static final HeaderName X_TEST = HeaderName.of("X-Test");

    static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private static final LongAccumulator MOST_DIALOGS = new LongAccumulator(Math::max, 0);

    private final ProxyRoute proxy;
    private final boolean callsProfile;

    public DialogProbeRoute(RouteSettings settings) {
        this.proxy = new ProxyRoute(settings);
        this.callsProfile = settings.switchboard().getStringList("dialog.profiles-no-value").contains(CALLS_PROFILE);
    }

    /** How often {@code what} was seen since the last {@link #reset()}. */
    static long count(String what) {
        LongAdder counter = COUNTS.get(what);
        return counter == null ? 0 : counter.sum();
    }

    /**
     * How often {@code what} was seen, once it reached {@code expected} or after 10 s: the event
     * routes run on the call's lane, after the dialog changed.
     */
    static long awaitCount(String what, long expected) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (count(what) < expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return count(what);
    }

    /** The highest {@code $DLG_count} a BYE saw since the last {@link #reset()}. */
    static long mostDialogsSeenByBye() {
        return MOST_DIALOGS.get();
    }

    static void reset() {
        COUNTS.clear();
        MOST_DIALOGS.reset();
    }

    private static void seen(String what) {
        COUNTS.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    @Override
    public void onRequest(RequestContext request) {
        String test = request.hasToTag() && request.isMethod("INFO") ? request.request().header(X_TEST) : null;
        if ("dlgbye".equals(test)) {
            request.slSendReply(200, "OK");
            seen("dlg_bye " + request.dlgBye("all"));
        } else if ("dlgrefer".equals(test)) {
            request.dlgRefer("callee", REFER_TO, accepted -> {
                seen("dlg_refer " + accepted);
                request.slSendReply(accepted ? 200 : 603, accepted ? "OK" : "Decline");
            });
        } else if (request.hasToTag() && request.isMethod("BYE")) {
            MOST_DIALOGS.accumulate(request.dlgCount());
            request.isKnownDlg(known -> {
                seen(known ? "known BYE" : "unknown BYE");
                request.dlgLifetime(lifetime -> {
                    seen("BYE after " + (lifetime.isPresent() ? lifetime.getAsLong() + " s" : "no answer"));
                    proxy.onRequest(request);
                });
            });
        } else if (request.hasToTag() && request.isMethod("ACK")) {
            request.dlgStatus(status -> {
                seen("ACK in state " + status.orElse(0));
                proxy.onRequest(request);
            });
        } else {
            if (!request.hasToTag() && request.isMethod("INVITE")
                    && request.request().requestUriText().startsWith("sip:short")) {
                request.dlgManage();
                if (request.dlgSetTimeout(SHORT_LIFETIME_SECONDS)) {
                    seen("short lifetime");
                }
            }
            if (callsProfile && !request.hasToTag() && request.isMethod("INVITE")) {
                request.dlgManage();
                request.setDlgProfile(CALLS_PROFILE);
            }
            if (!request.hasToTag() && request.isMethod("INVITE")
                    && request.request().requestUriText().startsWith("sip:ka")) {
                request.dlgSetProperty("ka-dst");
            }
            proxy.onRequest(request);
        }
    }

    @Override
    public void onReply(ReplyContext reply) {
        proxy.onReply(reply);
    }

    @Override
    public void onFailure(FailureContext failure) {
        proxy.onFailure(failure);
    }

    @Override
    public void onDialogEvent(String event, DialogSnapshot dialog) {
        seen(event);
        if (event.equals("dialog:end")) {
            seen(event + " " + dialog.endCause());
        }
    }
}
