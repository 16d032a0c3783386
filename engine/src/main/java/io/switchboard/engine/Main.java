package io.switchboard.engine;

import com.typesafe.config.Config;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.management.RpcClient;
import io.switchboard.transport.net.ListenAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code java -jar switchboard.jar [run] [--config FILE]}: runs the engine on the embedded
 * defaults or a HOCON file, logs one line when ready, and on SIGTERM or SIGINT stops cleanly
 * (transactions in flight completed) and exits 0, or 1 when stopping fails. A wrong setting exits 2
 * with a message naming it.
 * {@code java -jar switchboard.jar ctl METHOD [PARAMS...]} calls a management command instead
 * ({@link RpcClient}).
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ctl")) {
            System.exit(RpcClient.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "run" -> {
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        exit(2, "--config needs a file name");
                    }
                    config = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar switchboard.jar [run] [--config FILE]\n"
                            + "       java -jar switchboard.jar ctl [--url URL] [--token TOKEN] METHOD [PARAMS...]");
                    return;
                }
                default -> exit(2, "unknown argument '" + args[i] + "' (usage: [run] [--config FILE])");
            }
        }
        run(config);
    }

    private static void run(Path configFile) {
        log.info("Switchboard starting: {}", JvmSummary.describe());
        Engine engine;
        try {
            Config config = configFile == null ? ConfigLoader.defaults() : ConfigLoader.load(configFile);
            engine = Engine.start(config);
        } catch (SettingsException e) {
            exit(2, e.getMessage());
            return;
        } catch (CompletionException e) {
            exit(1, "cannot start: " + e.getCause().getMessage());
            return;
        }
        Shutdown shutdown = new Shutdown(engine::stop);
        Signal.handle(new Signal("TERM"), signal -> new Thread(shutdown, "switchboard-stop").start());
        Signal.handle(new Signal("INT"), signal -> new Thread(shutdown, "switchboard-stop").start());
        log.info("Switchboard ready: listening on {}; management on {}", engine.listeners().stream()
                .map(ListenAddress::toString).collect(Collectors.joining(", ")), engine.management().url());
        System.exit(shutdown.awaitStatus());
    }

    /**
     * Stops the engine on a signal and tells the main thread how it went: exit status 0 when it
     * stopped cleanly, 1 when stopping failed — the main thread is released either way, so a
     * failed stop still ends the process.
     */
    static final class Shutdown implements Runnable {
        private final Supplier<? extends CompletionStage<?>> stop;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile int status = 1;

        Shutdown(Supplier<? extends CompletionStage<?>> stop) {
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                log.info("Switchboard stopping: finishing transactions in flight");
                stop.get().toCompletableFuture().join();
                status = 0;
                log.info("Switchboard stopped");
            } catch (RuntimeException e) {
                log.error("Switchboard failed to stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }

        /** Waits for the stop to end; the exit status (1 when interrupted). */
        int awaitStatus() {
            try {
                stopped.await();
                return status;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    private static void exit(int status, String message) {
        System.err.println("switchboard: " + message);
        System.exit(status);
    }
}
