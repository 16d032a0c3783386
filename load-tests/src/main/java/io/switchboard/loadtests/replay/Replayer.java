package io.switchboard.loadtests.replay;

import io.netty.util.Timeout;
import io.switchboard.loadtests.generator.Arguments;
import io.switchboard.loadtests.generator.CallMessages;
import io.switchboard.loadtests.generator.SipEndpoint;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Plays the calls of a capture against a target (a proxy), both sides: the caller side's socket
 * sends what the caller sent and expects what it received, the callee side's socket answers what
 * the target relays with what the callee answered. Each instance has its own Call-ID, tags and
 * branches ({@link ReplayMessages}), so one capture can run many times side by side, at the
 * recorded pacing, faster by a factor, or at a fixed call rate ({@link ReplayPlan}). The result
 * says what matched the capture and what did not ({@link ReplayReport}). Both sides run on the
 * caller socket's event loop.
 *
 * <pre>
 * java -cp load-tests/target/benchmarks.jar io.switchboard.loadtests.replay.Replayer --pcap FILE
 *     --target HOST:PORT [--factor 1] [--rate 0] [--copies 1] [--timeout 32s] [--t1 500ms]
 *     [--keep-ruri false] [--uac 127.0.0.1:0] [--uas 127.0.0.1:0]
 * </pre>
 */
public final class Replayer implements AutoCloseable {

    private static final Set<String> OPTIONS = Set.of("pcap", "target", "factor", "rate", "copies", "timeout",
            "t1", "keep-ruri", "uac", "uas");
    private static final long LINGER_MILLIS = 5_000;

    private final InetSocketAddress target;
    private final SipEndpoint callerSocket;
    private final SipEndpoint calleeSocket;
    private final Map<String, ReplayCall> active = new HashMap<>();
    private ReplayTally tally = new ReplayTally();
    private ReplayPlan plan = ReplayPlan.recorded();
    private CompletableFuture<ReplayReport> done;
    private long remaining;
    private long startNanos;
    private int runs;

    private Replayer(InetSocketAddress target, InetSocketAddress callerLocal, InetSocketAddress calleeLocal) {
        this.target = target;
        this.callerSocket = SipEndpoint.bind(callerLocal, "replay-caller",
                (message, from) -> received(RecordedCall.Side.CALLER, message, from));
        this.calleeSocket = SipEndpoint.bind(calleeLocal, "replay-callee",
                (message, from) -> callerSocket.execute(() -> received(RecordedCall.Side.CALLEE, message, from)));
    }

    /** A replayer sending to {@code target}, its caller and callee sockets bound to the addresses given (port 0: any). */
    public static Replayer start(InetSocketAddress target, InetSocketAddress callerLocal, InetSocketAddress calleeLocal) {
        return new Replayer(target, callerLocal, calleeLocal);
    }

    /** Plays {@code calls} as {@code plan} says; completes when every instance has ended. One play at a time. */
    public CompletableFuture<ReplayReport> play(List<RecordedCall> calls, ReplayPlan how) {
        CompletableFuture<ReplayReport> result = new CompletableFuture<>();
        callerSocket.execute(() -> {
            if (done != null && !done.isDone()) {
                result.completeExceptionally(new IllegalStateException("a replay is in progress"));
                return;
            }
            plan = how;
            tally = new ReplayTally();
            done = result;
            runs++;
            startNanos = System.nanoTime();
            remaining = (long) calls.size() * how.copies();
            if (remaining == 0) {
                result.complete(tally.report(0));
                return;
            }
            long first = calls.get(0).startMicros();
            long index = 0;
            for (int copy = 0; copy < how.copies(); copy++) {
                for (RecordedCall call : calls) {
                    long delay = how.rate() > 0 ? (long) (index * 1000 / how.rate())
                            : (long) ((call.startMicros() - first) / 1000 / how.factor());
                    String mark = "r" + runs + "c" + index++;
                    int n = copy;
                    schedule(() -> launch(new ReplayCall(this, call, n, mark)), delay);
                }
            }
        });
        return result;
    }

    private void launch(ReplayCall call) {
        active.put(call.callId(), call);
        call.start();
    }

    private void received(RecordedCall.Side side, SipMessage message, InetSocketAddress from) {
        ReplayCall call = active.get(message.header(HeaderName.CALL_ID));
        if (call != null) {
            call.received(side, message, from);
        } else if (done != null && !done.isDone()) {
            tally.unexpected++;
            tally.problem("unexpected message for no call in progress: " + message.toString().lines().findFirst()
                    .orElse("") + " (Call-ID " + message.header(HeaderName.CALL_ID) + ")");
        }
    }

    void ended(ReplayCall call, boolean clean) {
        tally.calls++;
        if (clean) {
            tally.callsMatched++;
        }
        schedule(() -> active.remove(call.callId(), call), LINGER_MILLIS);
        if (--remaining == 0) {
            done.complete(tally.report((System.nanoTime() - startNanos) / 1e9));
        }
    }

    ReplayTally tally() {
        return tally;
    }

    ReplayPlan plan() {
        return plan;
    }

    InetSocketAddress target() {
        return target;
    }

    InetSocketAddress local(RecordedCall.Side side) {
        return (side == RecordedCall.Side.CALLER ? callerSocket : calleeSocket).localAddress();
    }

    void send(RecordedCall.Side side, byte[] bytes, InetSocketAddress to) {
        (side == RecordedCall.Side.CALLER ? callerSocket : calleeSocket).send(bytes, to);
    }

    Timeout schedule(Runnable task, long delayMillis) {
        return callerSocket.schedule(task, delayMillis);
    }

    @Override
    public void close() {
        calleeSocket.close();
        callerSocket.close();
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** The command line: 0 when every message matched, 1 when not, 2 on wrong arguments or an unreadable file. */
    static int run(String[] args, PrintStream out) throws Exception {
        Arguments options;
        ReplayPlan plan;
        try {
            options = Arguments.parse(args, OPTIONS);
            if (!options.has("pcap") || !options.has("target")) {
                throw new IllegalArgumentException("--pcap FILE and --target HOST:PORT are required");
            }
            plan = new ReplayPlan(options.decimal("factor", 1), options.decimal("rate", 0),
                    (int) options.number("copies", 1), options.duration("timeout", Duration.ofSeconds(32)).toMillis(),
                    options.duration("t1", Duration.ofMillis(500)).toMillis(),
                    Boolean.parseBoolean(options.string("keep-ruri", "false")));
        } catch (IllegalArgumentException e) {
            out.println("replayer: " + e.getMessage());
            return 2;
        }
        PcapReader.Capture capture;
        try {
            capture = PcapReader.read(Path.of(options.string("pcap", null)));
        } catch (IOException e) {
            out.println("replayer: " + e.getMessage());
            return 2;
        }
        RecordedCall.Calls calls = RecordedCall.group(capture.messages());
        out.printf("%s: %d UDP messages (%d other packets left out), %d calls (%d begun before the capture, "
                        + "%d datagrams not SIP)%n", options.string("pcap", null), capture.messages().size(),
                capture.skipped(), calls.calls().size(), calls.partial(), calls.notSip());
        try (Replayer replayer = start(options.address("target", null), options.address("uac", "127.0.0.1:0"),
                options.address("uas", "127.0.0.1:0"))) {
            out.println("playing against " + CallMessages.hostPort(replayer.target()) + " from caller "
                    + CallMessages.hostPort(replayer.local(RecordedCall.Side.CALLER)) + " and callee "
                    + CallMessages.hostPort(replayer.local(RecordedCall.Side.CALLEE)) + ": " + plan);
            ReplayReport report = replayer.play(calls.calls(), plan).get();
            out.println(report.summary());
            return report.allMatched() ? 0 : 1;
        }
    }
}
