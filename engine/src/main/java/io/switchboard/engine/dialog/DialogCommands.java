package io.switchboard.engine.dialog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.actors.dialog.DialogDirectory;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.DialogState;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.LocalHeaders;
import io.switchboard.actors.dialog.Side;
import io.switchboard.engine.management.RpcArguments;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcCommands;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The dialog module's RPC commands (seed manual 001, section 9) with Kamailio's names, parameters
 * and answers. The lists ({@code dlg.list}, {@code dlg.list_match}, {@code dlg.briefing},
 * {@code dlg.stats_active}, {@code dlg.dump_file}) and {@code dlg.end_dlg} read the dialogs this
 * node holds; the commands naming a Call-ID ask its dialog wherever it runs, within
 * {@link #ASK}. The profile commands count and list the whole cluster ({@code dlg.profile_get_size}
 * from this node's replicated counts, {@code dlg.profile_list} by asking every node). An unknown
 * dialog is Kamailio's error 404 "Dialog not found", an unknown profile 404 "Profile not found"; a
 * dialog that is not confirmed where the command needs it, 500. {@code dlg.bridge_dlg} starts a
 * {@link DialogBridge} and answers once it is done.
 */
final class DialogCommands {

    /** How long a command waits for a dialog's answer. */
    static final Duration ASK = Duration.ofSeconds(5);

    private static final int NOT_FOUND = 404;
    private static final int FAILED = 500;
    private static final List<RpcParam> TAGS = List.of(RpcParam.string("callid"), RpcParam.string("from_tag"),
            RpcParam.string("to_tag"));
    private static final List<RpcParam> PROFILE = List.of(RpcParam.string("profile"),
            RpcParam.string("value").optional());
    private static final Comparator<DialogSnapshot> TABLE_ORDER =
            Comparator.comparingInt(DialogSnapshot::hEntry).thenComparingLong(DialogSnapshot::hId);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dialogs dialogs;
    private final DialogDirectory directory;
    private final DialogBridge bridge;

    private DialogCommands(Dialogs dialogs, DialogBridge bridge) {
        this.dialogs = dialogs;
        this.directory = dialogs.directory();
        this.bridge = bridge;
    }

    static void register(RpcCommands commands, Dialogs dialogs, DialogBridge bridge) {
        DialogCommands dlg = new DialogCommands(dialogs, bridge);
        commands.add(new RpcCommand("dlg.list", "Lists the description of all dialogs (active calls).",
                args -> dlg.listed(dlg.held()).iterator()));
        commands.add(new RpcCommand("dlg.list_ctx", "Lists the description of all dialogs with their context: "
                + "timeout route and switches.", args -> dlg.held().map(DialogCommands::withContext).iterator()));
        commands.add(new RpcCommand("dlg.list_match", "Lists the dialogs whose ruri, furi, turi or callid (mkey) "
                + "matches mval with eq, re or sw (mop), at most limit of them.",
                List.of(RpcParam.string("mkey"), RpcParam.string("mop"), RpcParam.string("mval"),
                        RpcParam.integer("limit").optional()), dlg::listMatch));
        commands.add(new RpcCommand("dlg.dlg_list", "Lists the description of one dialog, by Call-ID and "
                + "optionally the From tag of the initial request.",
                List.of(RpcParam.string("callid"), RpcParam.string("from_tag").optional()), dlg::dlgList));
        commands.add(new RpcCommand("dlg.terminate_dlg", "Terminates a confirmed dialog by sending BYE in both "
                + "directions.", TAGS, dlg::terminate));
        commands.add(new RpcCommand("dlg.end_dlg", "Terminates an ongoing dialog by sending BYE in both directions.",
                List.of(RpcParam.integer("h_entry"), RpcParam.integer("h_id"),
                        RpcParam.string("extra_hdrs").optional()), dlg::endDlg));
        commands.add(new RpcCommand("dlg.set_state", "Sets the state of a dialog: 5 ends a confirmed one silently, "
                + "without BYE or dialog:end.", List.of(TAGS.get(0), TAGS.get(1), TAGS.get(2),
                        RpcParam.integer("state")), dlg::setState));
        commands.add(new RpcCommand("dlg.stats_active", "Counts the active dialogs by state: starting, connecting, "
                + "answering, ongoing and all.", args -> dlg.statsActive()));
        commands.add(new RpcCommand("dlg.is_alive", "Answers Alive when the dialog is confirmed and its ACK seen.",
                TAGS, dlg::isAlive));
        commands.add(new RpcCommand("dlg.briefing", "Lists h_entry, h_id and the attributes attrs asks for of each "
                + "dialog (letters of ftcFTISEs, default ftcFT).",
                List.of(RpcParam.string("attrs").optional()), dlg::briefing));
        commands.add(new RpcCommand("dlg.profile_get_size", "Returns the number of dialogs in a profile, of the "
                + "whole cluster, optionally those with one value.", PROFILE, dlg::profileGetSize));
        commands.add(new RpcCommand("dlg.profile_list", "Lists the dialogs in a profile on every node of the "
                + "cluster, optionally those with one value.", PROFILE, dlg::profileList));
        commands.add(new RpcCommand("dlg.bridge_dlg", "Bridges two SIP addresses into a call with INVITE (on hold), "
                + "REFER and BYE: calls from, through the outbound proxy op ('.' for none), and refers it to to; body "
                + "is the INVITE's SDP ('.' for the built-in on-hold offer of G711 PCMA and PCMU, '' or '_' for none).",
                List.of(RpcParam.string("from"), RpcParam.string("to"), RpcParam.string("op").optional(),
                        RpcParam.string("body").optional()), dlg::bridgeDlg));
        commands.add(new RpcCommand("dlg.dump_file", "Writes all dialogs to a file as a JSON array.",
                List.of(RpcParam.string("file")), dlg::dumpFile));
    }

    private Stream<DialogSnapshot> held() {
        return directory.list().stream().sorted(TABLE_ORDER);
    }

    private Stream<Map<String, Object>> listed(Stream<DialogSnapshot> dialogs) {
        long now = System.currentTimeMillis();
        return dialogs.map(d -> DialogListing.dialog(d, now));
    }

    private static Map<String, Object> withContext(DialogSnapshot dialog) {
        return DialogListing.withContext(DialogListing.dialog(dialog, System.currentTimeMillis()), dialog);
    }

    private Object listMatch(RpcArguments args) throws RpcException {
        ListMatch match = ListMatch.parse(args.string("mkey"), args.string("mop"), args.string("mval"));
        long limit = args.has("limit") ? args.integer("limit") : 0;
        if (limit < 0) {
            throw RpcException.invalidParams("parameter 'limit' must be 0 (no limit) or more, not " + limit);
        }
        Stream<DialogSnapshot> matched = held().filter(match);
        return listed(limit > 0 ? matched.limit(limit) : matched).iterator();
    }

    private Object dlgList(RpcArguments args) throws RpcException {
        String fromTag = args.string("from_tag");
        return listed(ask(dialogs.get(args.string("callid"), ASK)).stream()
                .filter(d -> fromTag == null || fromTag.equals(d.fromTag()))).toList();
    }

    private Object terminate(RpcArguments args) throws RpcException {
        DialogSnapshot dialog = find(args);
        end(dialog, Set.of(Side.CALLER, Side.CALLEE), "dlg.terminate_dlg");
        return null;
    }

    private Object endDlg(RpcArguments args) throws RpcException {
        List<String> extraHeaders;
        try {
            extraHeaders = LocalHeaders.parse(args.has("extra_hdrs") ? args.string("extra_hdrs") : null);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams("parameter 'extra_hdrs': " + e.getMessage());
        }
        long hEntry = args.integer("h_entry");
        DialogSnapshot dialog = (hEntry < 0 || hEntry > Integer.MAX_VALUE ? Optional.<DialogSnapshot>empty()
                : directory.find((int) hEntry, args.integer("h_id")))
                .orElseThrow(() -> new RpcException(NOT_FOUND, "Dialog not found"));
        end(dialog, Set.of(Side.CALLER, Side.CALLEE), "dlg.end_dlg", extraHeaders);
        return null;
    }

    private Object setState(RpcArguments args) throws RpcException {
        long state = args.integer("state");
        if (state != DialogState.DELETED.code()) {
            throw RpcException.invalidParams("parameter 'state': only 5 (deleted) can be set, not " + state);
        }
        end(find(args), Set.of(), "dlg.set_state");
        return null;
    }

    private void end(DialogSnapshot dialog, Set<Side> byeTo, String reason) throws RpcException {
        end(dialog, byeTo, reason, List.of());
    }

    private void end(DialogSnapshot dialog, Set<Side> byeTo, String reason, List<String> extraHeaders)
            throws RpcException {
        if (!ask(dialogs.terminate(dialog.callId(), byeTo, reason, extraHeaders, ASK))) {
            throw new RpcException(FAILED, "Dialog not in confirmed state");
        }
    }

    private Object statsActive() {
        DialogDirectory.ActiveCounts counts = directory.activeCounts();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("starting", counts.starting());
        stats.put("connecting", counts.connecting());
        stats.put("answering", counts.answering());
        stats.put("ongoing", counts.ongoing());
        stats.put("all", counts.all());
        return stats;
    }

    private Object isAlive(RpcArguments args) throws RpcException {
        if (find(args).state() != DialogState.CONFIRMED) {
            throw new RpcException(FAILED, "Dialog not in confirmed state");
        }
        return "Alive";
    }

    private Object briefing(RpcArguments args) throws RpcException {
        String attrs = DialogListing.briefingAttributes(args.string("attrs"));
        return held().map(d -> DialogListing.briefing(d, attrs)).iterator();
    }

    private Object profileGetSize(RpcArguments args) throws RpcException {
        String profile = args.string("profile");
        return dialogs.profiles().size(profile, profileValue(profile, args.string("value")));
    }

    private Object profileList(RpcArguments args) throws RpcException {
        String profile = args.string("profile");
        String value = profileValue(profile, args.string("value"));
        return listed(ask(dialogs.profiles().list(profile, value, ASK)).stream().sorted(TABLE_ORDER)).iterator();
    }

    /** The value to match in {@code profile} (null: any); Kamailio's 404 for a profile that is not defined. */
    private String profileValue(String profile, String value) throws RpcException {
        try {
            return dialogs.settings().profiles().matchValue(profile, value);
        } catch (IllegalArgumentException e) {
            throw new RpcException(NOT_FOUND, "Profile not found: " + profile);
        }
    }

    /**
     * {@code dlg.bridge_dlg} (9.13): waits for the bridge to be done; Kamailio's empty answer when
     * {@code from} answered and accepted the REFER, error 500 saying which step failed otherwise.
     */
    private Object bridgeDlg(RpcArguments args) throws RpcException {
        String from = args.string("from");
        String body = given(args.string("body"));
        String offer = "_".equals(body) ? "" : body;
        DialogBridge.Outcome outcome;
        try {
            outcome = await(bridge.bridge(from, args.string("to"), given(args.string("op")), offer),
                    DialogBridge.LONGEST, "the bridge did not end");
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
        if (outcome.bridged()) {
            return null;
        }
        if (outcome.refer() == 0) {
            throw new RpcException(FAILED, "Bridge failed: the INVITE to " + from + " was answered " + outcome.invite()
                    + (outcome.invite() < 300 ? ", an answer without a To tag or with a bad Contact" : ""));
        }
        throw new RpcException(FAILED, "Bridge failed: the REFER was answered " + outcome.refer()
                + "; the call was ended with BYE");
    }

    /** An optional parameter of {@code dlg.bridge_dlg}: null when not given or '.'. */
    private static String given(String value) {
        return ".".equals(value) ? null : value;
    }

    private Object dumpFile(RpcArguments args) throws RpcException {
        Path file;
        try {
            file = Path.of(args.string("file"));
        } catch (InvalidPathException e) {
            throw RpcException.invalidParams("parameter 'file': not a path: " + e.getMessage());
        }
        try (JsonGenerator out = JSON.createGenerator(Files.newOutputStream(file))) {
            out.writeStartArray();
            for (var dialog : (Iterable<Map<String, Object>>) listed(held())::iterator) {
                out.writeObject(dialog);
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new RpcException(FAILED, "Cannot write the dialogs to " + file + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * The dialog of {@code callid} whose tags are {@code from_tag} and {@code to_tag}, in either
     * direction, and that has not ended.
     */
    private DialogSnapshot find(RpcArguments args) throws RpcException {
        String fromTag = args.string("from_tag");
        String toTag = args.string("to_tag");
        return ask(dialogs.get(args.string("callid"), ASK))
                .filter(d -> d.state() != DialogState.DELETED)
                .filter(d -> fromTag.equals(d.fromTag()) && toTag.equals(d.toTag())
                        || toTag.equals(d.fromTag()) && fromTag.equals(d.toTag()))
                .orElseThrow(() -> new RpcException(NOT_FOUND, "Dialog not found"));
    }

    private static <T> T ask(CompletionStage<T> answer) throws RpcException {
        return await(answer, ASK, "the dialog did not answer");
    }

    /** The answer, once it is there; error 500 "{@code late} within ... s" past {@code deadline} (and a second). */
    private static <T> T await(CompletionStage<T> answer, Duration deadline, String late) throws RpcException {
        try {
            return answer.toCompletableFuture().get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RpcException(FAILED, late + " within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(FAILED, "interrupted");
        }
    }
}
