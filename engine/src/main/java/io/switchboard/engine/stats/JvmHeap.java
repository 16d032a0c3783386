package io.switchboard.engine.stats;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM heap in the figures of Kamailio's shared memory ({@code core.shmmem}, the {@code shmem:}
 * statistics): Kamailio's pool is one fixed block, the heap is its nearest equivalent.
 *
 * @param total the heap's limit ({@code -Xmx}), as Kamailio's pool size
 * @param free what can still be allocated: {@code total - used}
 * @param used the bytes the heap holds now, garbage not yet collected included
 * @param realUsed the same as {@code used}: the JVM has no allocator overhead to add, as Kamailio has
 * @param maxUsed the sum of the heap pools' peaks since start, an upper bound of the peak used
 * @param fragments always 0: a compacting collector leaves no fragments to count
 */
public record JvmHeap(long total, long free, long used, long realUsed, long maxUsed, long fragments) {

    /** The heap now. */
    public static JvmHeap now() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long total = Runtime.getRuntime().maxMemory();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new JvmHeap(total, Math.max(0, total - used), used, used, Math.max(peak, used), 0);
    }
}
