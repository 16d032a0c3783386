package io.switchboard.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the tests drive that nobody here wrote (SIPp, Chromium): a test skips when it is not
 * installed, unless the environment variable that CI sets says it is required, and then fails.
 */
public final class InstalledTool {

    private InstalledTool() {
    }

    /**
     * Runs {@code probe} (the program with a version flag); when it cannot run, fails the test if
     * {@code requiredBy} is set in the environment, else skips it, saying {@code install}.
     */
    public static void assume(String requiredBy, String install, String... probe) {
        if (runs(probe)) {
            return;
        }
        if (System.getenv(requiredBy) != null) {
            fail("'" + probe[0] + "' is required (" + requiredBy + " is set) but not installed");
        }
        Assumptions.abort("'" + probe[0] + "' is not installed (" + install + "); skipping");
    }

    private static boolean runs(String... probe) {
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
