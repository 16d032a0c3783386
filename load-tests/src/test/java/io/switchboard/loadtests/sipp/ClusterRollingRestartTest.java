package io.switchboard.loadtests.sipp;

import static io.switchboard.loadtests.sipp.EngineCluster.awaitActive;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart under a steady call load loses no dialog (issue 9): on an
 * {@link EngineCluster} of three, SIPp places calls through the shared alias at a steady rate
 * while each node in turn is taken out of the balancer, stopped with SIGTERM (it leaves the
 * cluster and hands its dialog shards over) and started again. Every call succeeds, every answer
 * reaches its dialog (it is sent again until the dialog has it, wherever its shard went), no
 * dialog is left behind, and every dialog whose answer is in the journal has its end there too.
 */
@Tag("postgres")
class ClusterRollingRestartTest extends SippCalls {

    private static final int CALLS = 150;
    private static final int CALLS_PER_SECOND = 2;
    private static final int HOLD_MILLIS = 4_000;

    @TempDir
    Path dir;

    @Test
    void aRollingRestartUnderLoadLosesNoDialog() throws Exception {
        int uasPort = Sipp.freePort();
        try (EngineCluster cluster = EngineCluster.start(dir); UdpBalancer toUas = UdpBalancer.start(uasPort)) {
            Sipp uas = peer(Sipp.uas("uas.xml", uasPort, CALLS), 300);
            Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), cluster.alias(), "127.0.0.1:" + toUas.port(), CALLS,
                    CALLS_PER_SECOND, HOLD_MILLIS), 300);
            for (int node = 0; node < EngineCluster.NODES; node++) {
                cluster.sendTo((node + 1) % EngineCluster.NODES);
                cluster.restart(node);
            }
            cluster.sendTo(0);

            assertEquals(0, uac.await(240), () -> uac.output() + cluster.output());
            assertEquals(0, uas.await(60), uas::output);
            assertEquals(0, awaitActive(cluster.all(), 0, 75), () -> cluster.dialogs() + cluster.output());
            String unfinished = cluster.schema().rows("SELECT persistence_id, sequence_number, event_ser_manifest,"
                    + " write_timestamp FROM event_journal WHERE persistence_id IN (SELECT persistence_id"
                    + " FROM event_journal WHERE persistence_id LIKE 'dialog|%' GROUP BY persistence_id"
                    + " HAVING SUM(CASE WHEN event_ser_manifest LIKE '%$Answered' THEN 1 ELSE 0 END) > 0"
                    + " AND SUM(CASE WHEN event_ser_manifest LIKE '%$Terminated' THEN 1 ELSE 0 END) = 0)"
                    + " ORDER BY persistence_id, sequence_number");
            long answered = cluster.schema().count("SELECT COUNT(DISTINCT persistence_id) FROM event_journal"
                    + " WHERE persistence_id LIKE 'dialog|%' AND event_ser_manifest LIKE '%$Answered'");
            assertEquals(CALLS, answered, () -> "answers journaled\n" + cluster.output());
            assertEquals("", unfinished, () -> "answered dialogs whose end is not in the journal\n" + cluster.output());
        }
    }
}
