package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.Dialog;
import io.switchboard.actors.dialog.DialogRequests;
import io.switchboard.actors.dialog.DialogSettings;
import io.switchboard.actors.dialog.Side;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges two SIP addresses into a call with INVITE (on hold), REFER and BYE, as Kamailio's
 * {@code dlg_bridge(from, to, op)} and {@code dlg.bridge_dlg} do (seed manual 7.11, 9.13). The
 * engine calls {@code from} as a UAC ({@link BridgeInvite}), through the outbound proxy {@code op}
 * when one is given, else to the address of {@code from}. Answered 2xx, it acknowledges the answer
 * (RFC 3261 §13.2.2.4) and sends {@code from} a REFER in that dialog, {@code Refer-To} {@code to},
 * {@code Referred-By} the {@code bridge-controller} (RFC 3515 §2.4), so that {@code from} calls
 * {@code to}; once the REFER is answered — whatever the answer, as in Kamailio — a BYE ends the
 * engine's leg. An INVITE answered otherwise ends the bridge there. The engine's dialog is its own,
 * not one the proxy tracks: it is in no {@code dlg.list} and has no event routes.
 */
public final class DialogBridge {

    /**
     * How long a bridge may take at the most: an INVITE ringing until it is cancelled, the CANCEL's
     * answer (Timer B, 32 s) and the REFER's transaction (Timer F, 32 s).
     */
    public static final Duration LONGEST = ClientTransactionSender.RING_LIMIT.plusSeconds(64);

    private static final Logger log = LoggerFactory.getLogger(DialogBridge.class);

    /**
     * How a bridge went.
     *
     * @param invite the final status of the INVITE
     * @param refer  the final status of the REFER, 0 when none was sent
     */
    public record Outcome(int invite, int refer) {

        /** True when {@code from} answered and accepted the REFER: it is now calling {@code to}. */
        public boolean bridged() {
            return success(invite) && success(refer);
        }

        private static boolean success(int status) {
            return status >= 200 && status < 300;
        }
    }

    private final DialogSettings settings;
    private final ClientTransactionSender sender;

    DialogBridge(DialogSettings settings, ClientTransactionSender sender) {
        this.settings = settings;
        this.sender = sender;
    }

    /**
     * Starts a bridge of {@code from} to {@code to}, through {@code outboundProxy} unless that is
     * null; the INVITE carries {@code offer} as its SDP, the {@link BridgeInvite#HOLD_OFFER} when it
     * is null, no body when it is empty. Completes once the REFER is answered, or the INVITE is
     * answered otherwise than 2xx (408 when it was not answered, 503 when it could not be sent);
     * the BYE goes out then.
     *
     * @throws IllegalArgumentException naming {@code from}, {@code to} or {@code op} when it is no SIP URI
     */
    public CompletionStage<Outcome> bridge(String from, String to, String outboundProxy, String offer) {
        SipUri callee = sipUri("from", from);
        String referTo = DialogRequests.referTo(sipUri("to", to).toString());
        SipUri proxy = outboundProxy == null ? null : sipUri("op", outboundProxy);
        BridgeInvite invite = BridgeInvite.to(callee, settings.bridgeController(), settings.bridgeContact(),
                offer == null ? BridgeInvite.HOLD_OFFER : offer);
        return sender.exchange(invite.request(), null, proxy).thenCompose(answer -> {
            if (!answer.isSuccess()) {
                log.debug("bridge {}: INVITE to {} answered {}", invite.invite().callId(), from, answer.status());
                return CompletableFuture.completedFuture(new Outcome(answer.status(), 0));
            }
            try {
                return refer(invite.answeredBy(answer.response()), referTo)
                        .thenApply(refer -> new Outcome(answer.status(), refer));
            } catch (SipParseException e) {
                log.warn("bridge {}: the {} of {} is no usable answer, no REFER sent: {}", invite.invite().callId(),
                        answer.status(), from, e.getMessage());
                return CompletableFuture.completedFuture(new Outcome(answer.status(), 0));
            }
        });
    }

    /**
     * Acknowledges the answer of {@code dialog}, refers its callee to {@code referTo}, then sends it
     * a BYE; completes with the REFER's status.
     */
    private CompletionStage<Integer> refer(Dialog dialog, String referTo) {
        sender.sendAck(DialogRequests.ack(dialog), null);
        SipRequest refer = DialogRequests.refer(dialog, Side.CALLEE, referTo,
                settings.bridgeController(), settings.bridgeContact(), List.of());
        return sender.send(refer, null).thenApply(status -> {
            SipRequest bye = DialogRequests.bye(dialog.sentTo(Side.CALLEE), Side.CALLEE);
            sender.send(bye, null).thenAccept(byeStatus -> log.debug("bridge {}: REFER answered {}, BYE {}",
                    dialog.invite().callId(), status, byeStatus));
            return status;
        });
    }

    private static SipUri sipUri(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + parameter + "' is missing");
        }
        try {
            return SipUri.parse(value.strip());
        } catch (SipParseException e) {
            throw new IllegalArgumentException("parameter '" + parameter + "' must be a SIP URI, not \"" + value
                    + "\": " + e.getMessage(), e);
        }
    }
}
