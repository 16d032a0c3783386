package io.switchboard.loadtests.harness;

import io.switchboard.loadtests.generator.Arguments;
import io.switchboard.loadtests.generator.CallMessages;
import io.switchboard.loadtests.generator.Load;
import io.switchboard.loadtests.generator.LoadReport;
import io.switchboard.loadtests.generator.Uac;
import io.switchboard.loadtests.generator.Uas;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the highest call rate a SIP proxy sustains with fewer than 0.1% failed calls, by ramping
 * in steps with the load generator's UAC and UAS around it; prints each step, the sustained rate
 * with its INVITE→180 and INVITE→200 percentiles, the target's heap and RSS, and the heap per
 * held dialog at a given number of concurrent calls.
 *
 * <pre>
 * java -cp load-tests/target/benchmarks.jar io.switchboard.loadtests.harness.CapacityHarness \
 *     --target 127.0.0.1:5060 [--start-rate 500] [--step-rate 500] [--max-rate 10000] [--step 15s] \
 *     [--hold 0s] [--max-failed 0.001] [--max-p99 1s] [--refine 2] [--pid PID] [--rpc http://127.0.0.1:8060/RPC] \
 *     [--dialogs 0] [--dialog-rate 2000] [--uac 127.0.0.1:0] [--uas 127.0.0.1:0[,HOST:PORT...]] [--t1 500ms]
 *     [--settle 2s] [--warmup 20s]
 * </pre>
 * First a warm-up that is not counted: {@code --warmup} long, climbing in four equal parts through
 * 10%, 40%, 70% and 100% of the start rate (a cold target hit at once with the full rate falls
 * behind and sheds), so that both JITs, the harness's and the target's, have
 * compiled the call path before a step is measured (a cold harness adds its own compilation to
 * the target's tail: 70 ms of p99 at 1,000 calls/s against a UAS directly, 0.4 ms once warm).
 * {@code --uas} takes several addresses, a UAS on each in this JVM, for a target that spreads calls
 * over a set of destinations (a dispatcher set) without a load tool process per destination.
 * A step fails with 0.1% or more failed calls (no final answer within Timer B, a non-2xx, a BYE
 * not answered 2xx within Timer F), and with an INVITE→200 p99 over {@code --max-p99} (1 s; 0 turns
 * the check off): a call that is answered only after seconds of retransmissions is not sustained,
 * though it does not fail.
 * The heap is read before and with the held dialogs each 64 × T1 after the last call was placed,
 * so the transactions still in RFC 6026's Accepted state (Timers L and M) or waiting out Timer J
 * and K have ended, and only what a dialog keeps is counted.
 * The target relays each INVITE to its Request-URI, {@code sip:load@UAS}: any proxy that routes by
 * Request-URI (Switchboard's built-in route, Kamailio's sample configuration) can be measured.
 */
public final class CapacityHarness {

    private static final Set<String> OPTIONS = Set.of("target", "start-rate", "step-rate", "max-rate", "step",
            "hold", "max-failed", "max-p99", "refine", "pid", "rpc", "dialogs", "dialog-rate", "uac", "uas", "t1", "settle",
            "warmup");

    /** What a harness run found. */
    record Result(List<StepResult> steps, StepResult best, HeldDialogs dialogs) {
    }

    private final Uac uac;
    private final TargetProcess target;
    private final PrintStream out;
    private final long settleMillis;

    private CapacityHarness(Uac uac, TargetProcess target, PrintStream out, long settleMillis) {
        this.uac = uac;
        this.target = target;
        this.out = out;
        this.settleMillis = settleMillis;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out) == null ? 2 : 0);
    }

    /** Runs the harness as the command line asks; null when the arguments are wrong. */
    static Result run(String[] args, PrintStream out) throws Exception {
        Arguments options;
        Ramp ramp;
        long warmupMillis;
        try {
            options = Arguments.parse(args, OPTIONS);
            ramp = new Ramp(options.decimal("start-rate", 500), options.decimal("step-rate", 500),
                    options.decimal("max-rate", 10_000), options.duration("step", Duration.ofSeconds(15)).toMillis(),
                    options.duration("hold", Duration.ZERO).toMillis(), options.decimal("max-failed", 0.001),
                    options.duration("max-p99", Duration.ofSeconds(1)).toMillis(), (int) options.number("refine", 2), options.duration("t1", Duration.ofMillis(500)).toMillis());
            warmupMillis = options.duration("warmup", Duration.ofSeconds(20)).toMillis();
            if (!options.has("target")) {
                throw new IllegalArgumentException("--target HOST:PORT is required");
            }
        } catch (IllegalArgumentException e) {
            out.println("capacity harness: " + e.getMessage());
            return null;
        }
        InetSocketAddress proxy = options.address("target", null);
        TargetProcess process = new TargetProcess(options.has("pid") ? options.number("pid", 0) : null,
                options.string("rpc", null));
        List<Uas> callees = new ArrayList<>();
        try {
            for (InetSocketAddress address : options.addresses("uas", "127.0.0.1:0")) {
                callees.add(Uas.start(address, ramp.t1Millis()));
            }
            return run(options, ramp, warmupMillis, proxy, process, callees, out);
        } finally {
            callees.forEach(Uas::close);
        }
    }

    private static Result run(Arguments options, Ramp ramp, long warmupMillis, InetSocketAddress proxy,
            TargetProcess process, List<Uas> callees, PrintStream out) throws Exception {
        try (Uac uac = Uac.start(options.address("uac", "127.0.0.1:0"), proxy, callees.get(0).requestUri())) {
            out.println("target " + CallMessages.hostPort(proxy) + "; UAC " + CallMessages.hostPort(uac.localAddress())
                    + ", UAS " + String.join(", ", callees.stream().map(u -> CallMessages.hostPort(u.localAddress()))
                            .toList()) + "; cores "
                    + Runtime.getRuntime().availableProcessors() + ", load average "
                    + String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean().getSystemLoadAverage()));
            CapacityHarness harness = new CapacityHarness(uac, process,
                    out, options.duration("settle", Duration.ofSeconds(2)).toMillis());
            harness.warmUp(ramp, warmupMillis);
            List<StepResult> steps = harness.ramp(ramp);
            StepResult best = steps.stream().filter(StepResult::passed).reduce((a, b) -> a.rate() >= b.rate() ? a : b)
                    .orElse(null);
            harness.printSustained(best, ramp);
            for (Uas callee : callees) {
                Uas.Counts counts = callee.counts();
                out.println("UAS " + CallMessages.hostPort(callee.localAddress()) + ": " + counts.answered()
                        + " answered, " + counts.ended() + " BYEs answered");
            }
            long dialogs = options.number("dialogs", 0);
            HeldDialogs held = dialogs > 0
                    ? harness.holdDialogs(dialogs, options.decimal("dialog-rate", 2000), ramp.t1Millis()) : null;
            return new Result(steps, best, held);
        }
    }

    /** Places calls for {@code millis}, climbing to the start rate in four parts; prints and forgets them. */
    private void warmUp(Ramp ramp, long millis) throws Exception {
        if (millis == 0) {
            return;
        }
        for (double share : new double[] {0.1, 0.4, 0.7, 1.0}) {
            double rate = Math.max(1, share * ramp.startRate());
            long calls = Math.max(1, Math.round(rate * millis / 4000.0));
            LoadReport report = uac.run(new Load(rate, calls, 0, 0, ramp.t1Millis()))
                    .get(millis + 3 * 64 * ramp.t1Millis() + 30_000, TimeUnit.MILLISECONDS);
            out.printf(Locale.ROOT, "warm-up, not counted: %d calls at %.0f/s, %d failed, INVITE->200 p50/p99/p99.9 %s%n",
                    report.started(), rate, report.failed(), StepResult.percentiles(report.answered()));
        }
        Thread.sleep(settleMillis);
    }

    private List<StepResult> ramp(Ramp ramp) throws Exception {
        out.println(StepResult.header());
        List<StepResult> steps = new ArrayList<>();
        double rate = ramp.startRate();
        double passedRate = 0;
        double failedRate = 0;
        int refinements = 0;
        while (rate <= ramp.maxRate()) {
            StepResult step = step(ramp, rate);
            steps.add(step);
            if (step.passed()) {
                passedRate = rate;
            } else {
                failedRate = rate;
            }
            if (failedRate == 0) {
                rate += ramp.stepRate();
            } else if (refinements++ < ramp.refinements() && failedRate - passedRate > ramp.stepRate() / 8) {
                rate = Math.round((passedRate + failedRate) / 2);
            } else {
                break;
            }
        }
        return steps;
    }

    private StepResult step(Ramp ramp, double rate) throws Exception {
        Load load = new Load(rate, ramp.calls(rate), ramp.holdMillis(), 0, ramp.t1Millis());
        LoadReport report = uac.run(load).get(ramp.stepMillis() + ramp.holdMillis() + 3 * 64 * ramp.t1Millis()
                + 30_000, TimeUnit.MILLISECONDS);
        StepResult step = StepResult.of(rate, report, ramp);
        out.println(step.line());
        Thread.sleep(settleMillis);
        return step;
    }

    private void printSustained(StepResult best, Ramp ramp) {
        if (best == null) {
            out.println("sustained: none of the steps passed (fewer than " + 100 * ramp.maxFailedRatio()
                    + "% failed calls at the rate asked)");
        } else {
            LoadReport report = best.report();
            out.printf(Locale.ROOT, "sustained: %.0f calls/s (%d calls in %.1f s, %d failed = %.3f%%)%n", best.rate(),
                    report.started(), report.placingSeconds(), report.failed(), 100 * report.failedRatio());
            out.println("INVITE->180 p50/p99/p99.9: " + StepResult.percentiles(report.ringing()));
            out.println("INVITE->200 p50/p99/p99.9: " + StepResult.percentiles(report.answered()));
        }
        out.println("target heap used " + HeldDialogs.mib(target.heapUsed()) + " (core.shmmem real_used), RSS "
                + HeldDialogs.mib(target.rss()));
    }

    /** Places {@code count} calls that stay answered, measures the target with them up, then ends them. */
    private HeldDialogs holdDialogs(long count, double rate, long t1Millis) throws Exception {
        Thread.sleep(64 * t1Millis + settleMillis);
        boolean collected = target.collectGarbage();
        var heapBefore = target.heapUsed();
        var rssBefore = target.rss();
        var run = uac.run(new Load(rate, count, TimeUnit.HOURS.toMillis(1), 0, t1Millis));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) (count / rate) + 60);
        LoadReport report = uac.report();
        while (report.held() + report.failed() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            report = uac.report();
        }
        Thread.sleep(64 * t1Millis + settleMillis);
        collected &= target.collectGarbage();
        HeldDialogs held = new HeldDialogs(report.held(), heapBefore, target.heapUsed(), rssBefore, target.rss(),
                collected);
        out.println(held.summary());
        uac.releaseHeld(rate);
        LoadReport ended = run.get(3 * 64 * t1Millis + 60_000, TimeUnit.MILLISECONDS);
        out.println("released: " + ended.succeeded() + " ended, " + ended.failed() + " failed " + ended.failures());
        return held;
    }
}
