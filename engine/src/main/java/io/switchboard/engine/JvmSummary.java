package io.switchboard.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * What the JVM runs the engine with, for the start-up log: its version, its collector and its
 * heap. The collector sets the latency tail (BENCHMARKS.md), so an operator should see it.
 */
final class JvmSummary {

    /** HotSpot's collector flags and their names; one of them is on. */
    private static final Map<String, String> COLLECTORS = Map.of(
            "UseZGC", "ZGC",
            "UseShenandoahGC", "Shenandoah",
            "UseG1GC", "G1",
            "UseParallelGC", "Parallel",
            "UseSerialGC", "Serial",
            "UseEpsilonGC", "Epsilon");

    private JvmSummary() {
    }

    /** For example {@code JVM 17.0.15 (OpenJDK 64-Bit Server VM), collector Shenandoah, heap 6144 MiB}. */
    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return "JVM " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), collector " + collector() + ", heap " + runtime.maxMemory() / (1024 * 1024) + " MiB";
    }

    /** The collector in use, "generational ZGC" where ZGC has generations; "unknown" on a JVM other than HotSpot. */
    static String collector() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return "unknown";
        }
        for (Map.Entry<String, String> collector : COLLECTORS.entrySet()) {
            if (on(vm, collector.getKey())) {
                boolean generations = collector.getKey().equals("UseZGC") && generationalZgc(vm);
                return generations ? "generational ZGC" : collector.getValue();
            }
        }
        return "unknown";
    }

    /** JDK 21 and 22 have the flag ZGenerational; from JDK 23 ZGC always has generations, and 24 drops the flag. */
    private static boolean generationalZgc(HotSpotDiagnosticMXBean vm) {
        try {
            return Boolean.parseBoolean(vm.getVMOption("ZGenerational").getValue());
        } catch (IllegalArgumentException noSuchFlag) {
            return Runtime.version().feature() >= 23;
        }
    }

    private static boolean on(HotSpotDiagnosticMXBean vm, String flag) {
        try {
            return Boolean.parseBoolean(vm.getVMOption(flag).getValue());
        } catch (IllegalArgumentException noSuchFlag) {
            return false;
        }
    }
}
