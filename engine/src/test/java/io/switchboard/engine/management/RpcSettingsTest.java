package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.EngineSettings;
import io.switchboard.engine.config.SettingsException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** {@code switchboard.rpc}: the listen address and the token. */
class RpcSettingsTest {

    @Test
    void theDefaultIsTheLoopbackPort8060WithoutAToken() {
        RpcSettings rpc = EngineSettings.from(ConfigLoader.defaults()).rpc();
        assertEquals(new InetSocketAddress("127.0.0.1", 8060), rpc.listen());
        assertFalse(rpc.hasToken());
    }

    @Test
    void addressesAreHostPortWithIpv6InBrackets() {
        assertEquals(new InetSocketAddress("::1", 9000), RpcSettings.of("[::1]:9000", "").listen());
        assertEquals(0, RpcSettings.of("0.0.0.0:0", "").listen().getPort());
        assertTrue(RpcSettings.of("127.0.0.1:1", "t").hasToken());
    }

    @Test
    void aBadValueStopsStartUpNamingTheKey() {
        for (String bad : new String[] {"8060", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000", "::1:8060"}) {
            SettingsException e = assertThrows(SettingsException.class,
                    () -> EngineSettings.from(ConfigLoader.parse("switchboard.rpc.listen = \"" + bad + "\"")));
            assertTrue(e.getMessage().contains("switchboard.rpc.listen"), e::getMessage);
        }
        SettingsException token = assertThrows(SettingsException.class,
                () -> EngineSettings.from(ConfigLoader.parse("switchboard.rpc.token = [1]")));
        assertTrue(token.getMessage().contains("switchboard.rpc.token"), token::getMessage);
    }
}
