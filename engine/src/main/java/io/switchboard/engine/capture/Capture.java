package io.switchboard.engine.capture;

import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.management.Management;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import io.switchboard.engine.stats.Statistic;
import io.switchboard.transport.net.SipTransport;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's packet capture: every SIP message the transport receives and sends, written to a
 * rotating pcap file ({@link PcapWriter}) off the Netty threads. Switched on at start-up by
 * {@code switchboard.capture.file} and at run time by the management commands
 * {@code capture.start FILE} and {@code capture.stop}; counted in {@code capture:written} and
 * {@code capture:dropped}. When off, the transport pays one volatile read per message.
 */
public final class Capture {

    private static final Logger log = LoggerFactory.getLogger(Capture.class);

    private final SipTransport transport;
    private final CaptureSettings settings;
    private CaptureWriter writer;
    private long writtenBefore;
    private long droppedBefore;

    private Capture(SipTransport transport, CaptureSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    /**
     * Adds the commands and statistics to {@code management}, and starts capturing when the
     * settings name a file.
     */
    public static Capture install(CaptureSettings settings, SipTransport transport, Management management) {
        Capture capture = new Capture(transport, settings);
        management.commands().add(new RpcCommand("capture.start", "Captures every SIP message received and "
                + "sent to a pcap file (rotated at switchboard.capture.max-size, max-files kept), replacing "
                + "a capture that runs.", List.of(RpcParam.string("file")), args -> capture.rpcStart(args.string("file"))));
        management.commands().add(new RpcCommand("capture.stop", "Stops the capture and closes its file.",
                args -> capture.stop()));
        management.statistics().add("capture", "written", Statistic.Kind.FUNCTION, capture::written);
        management.statistics().add("capture", "dropped", Statistic.Kind.FUNCTION, capture::dropped);
        if (!settings.file().isEmpty()) {
            try {
                capture.start(settings.file());
            } catch (UncheckedIOException e) {
                throw new SettingsException("setting switchboard.capture.file: " + e.getMessage(), e);
            }
        }
        return capture;
    }

    private Map<String, Object> rpcStart(String file) throws RpcException {
        try {
            return start(file);
        } catch (UncheckedIOException e) {
            throw new RpcException(500, e.getMessage());
        }
    }

    /**
     * Starts capturing to {@code file}, after stopping a capture that runs.
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    public synchronized Map<String, Object> start(String file) {
        stop();
        writer = CaptureWriter.start(settings.withFile(file));
        transport.tap(writer);
        log.info("capturing SIP to {} (max-size {} bytes, max-files {})", file, settings.maxSize(), settings.maxFiles());
        return status(writer);
    }

    /** Stops the capture, writing out what is queued; what it wrote, or a status saying none ran. */
    public synchronized Map<String, Object> stop() {
        if (writer == null) {
            return Map.of("capturing", false);
        }
        transport.tap(null);
        writer.stop();
        Map<String, Object> status = status(writer);
        status.put("capturing", false);
        writtenBefore += writer.written();
        droppedBefore += writer.dropped();
        writer = null;
        log.info("capture to {} stopped: {}", status.get("file"), status);
        return status;
    }

    private static Map<String, Object> status(CaptureWriter writer) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("capturing", true);
        status.put("file", writer.settings().file());
        status.put("max_size", writer.settings().maxSize());
        status.put("max_files", writer.settings().maxFiles());
        status.put("written", writer.written());
        status.put("dropped", writer.dropped());
        return status;
    }

    private synchronized long written() {
        return writtenBefore + (writer == null ? 0 : writer.written());
    }

    private synchronized long dropped() {
        return droppedBefore + (writer == null ? 0 : writer.dropped());
    }
}
