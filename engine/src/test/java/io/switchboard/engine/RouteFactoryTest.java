package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code switchboard.route} that names no usable route stops start-up with a message naming the
 * setting (DESIGN, "Configuration"), before the engine takes its SIP port.
 */
class RouteFactoryTest {

    /** A route the engine cannot build: its only constructor takes an int. */
    public static final class NeedsANumber implements Route {
        public NeedsANumber(int number) {
        }

        @Override
        public void onRequest(RequestContext request) {
        }
    }

    /** A route whose constructor fails. */
    public static final class FailsToStart implements Route {
        public FailsToStart() {
            throw new IllegalStateException("no gateways configured");
        }

        @Override
        public void onRequest(RequestContext request) {
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no.such.Class | no route named 'no.such.Class'",
        "java.lang.String | java.lang.String does not implement io.switchboard.engine.route.Route",
        "io.switchboard.engine.RouteFactoryTest$NeedsANumber | needs a public constructor taking RouteSettings or nothing",
        "io.switchboard.engine.RouteFactoryTest$FailsToStart | failed to start: java.lang.IllegalStateException: no gateways"
    })
    void aRouteThatCannotBeBuiltStopsStartUpNamingTheSetting(String route, String problem) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String config = "switchboard { listen = [\"udp:127.0.0.1:" + port + "\"], rpc.listen = \"127.0.0.1:0\", "
                + "route = \"" + route + "\" }";
        SettingsException refused = assertThrows(SettingsException.class, () -> Engine.start(ConfigLoader.parse(config)));
        assertTrue(refused.getMessage().startsWith("setting switchboard.route: "), refused::getMessage);
        assertTrue(refused.getMessage().contains(problem), refused::getMessage);
        try (DatagramSocket free = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertTrue(free.isBound(), "the SIP port was not taken");
        }
    }
}
