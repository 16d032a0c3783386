package io.switchboard.loadtests.generator;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;

/**
 * {@code java -cp benchmarks.jar io.switchboard.loadtests.generator.LoadGenerator --target HOST:PORT
 * [--rate 100] [--calls 1000] [--hold 0s] [--concurrency 0] [--uac 127.0.0.1:0] [--uas 127.0.0.1:0]
 * [--role both|uac|uas] [--ruri URI] [--t1 500ms]}: places calls through a SIP proxy with its own
 * UAS as the callee (or {@code --role uac} with {@code --ruri} naming another callee, or
 * {@code --role uas} answering until stopped), then prints what it measured.
 */
public final class LoadGenerator {

    private static final Set<String> OPTIONS = Set.of("target", "rate", "calls", "hold", "concurrency", "uac",
            "uas", "role", "ruri", "t1");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Arguments options;
        try {
            options = Arguments.parse(args, OPTIONS);
        } catch (IllegalArgumentException e) {
            out.println("load generator: " + e.getMessage());
            return 2;
        }
        String role = options.string("role", "both");
        long t1 = options.duration("t1", Duration.ofMillis(500)).toMillis();
        Uas uas = role.equals("uac") ? null : Uas.start(options.address("uas", "127.0.0.1:0"), t1);
        if (role.equals("uas")) {
            out.println("UAS answering on " + CallMessages.hostPort(uas.localAddress()) + "; Ctrl-C stops it");
            Thread.currentThread().join();
        }
        InetSocketAddress target = options.address("target", null);
        if (target == null) {
            out.println("load generator: --target HOST:PORT is required");
            return 2;
        }
        String ruri = options.string("ruri", uas == null ? null : uas.requestUri());
        if (ruri == null) {
            out.println("load generator: --role uac needs --ruri (the callee)");
            return 2;
        }
        Load load = new Load(options.decimal("rate", 100), options.number("calls", 1000),
                options.duration("hold", Duration.ZERO).toMillis(), (int) options.number("concurrency", 0), t1);
        try (Uac uac = Uac.start(options.address("uac", "127.0.0.1:0"), target, ruri)) {
            out.println("placing " + load.calls() + " calls at " + load.rate() + "/s through "
                    + CallMessages.hostPort(target) + " to " + ruri);
            LoadReport report = uac.run(load).get();
            out.println(report.summary());
            return report.failed() == 0 ? 0 : 1;
        } finally {
            if (uas != null) {
                uas.close();
            }
        }
    }
}
