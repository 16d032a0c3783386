package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ctl client's command line, without a server. */
class RpcClientTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RpcClient.run(args, RpcServerTokenTest.print(out), RpcServerTokenTest.print(err));
    }

    @Test
    void paramsThatLookLikeIntegersAreNumbersUnlessMarkedAsStrings() {
        assertEquals("[42,\"s:x\",\"42\",\"4.2\",\"abc\",-7]",
                RpcClient.params(new String[] {"42", "s:s:x", "s:42", "4.2", "abc", "-7"}).toString());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(RpcClient.USAGE, run());
        assertEquals(RpcClient.USAGE, run("--url"));
        assertEquals(RpcClient.USAGE, run("--colour", "red", "core.version"));
        assertEquals(RpcClient.USAGE, run("--url", "not a url", "core.version"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: switchboard ctl"));
        assertEquals(RpcClient.OK, run("--help"));
    }

    @Test
    void anUnreachableServerExitsWithThree() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertEquals(RpcClient.UNREACHABLE, run("--url", "http://127.0.0.1:" + port + "/RPC", "core.version"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot call"), err::toString);
    }
}
