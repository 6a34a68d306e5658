package io.herald.endurance.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * A cluster instance's own measures, for the run that samples it: {@code GET /endurance/meter} answers {@code
 * cpu-nanos heap-bytes-after-gc gc-millis}, the CPU read before the GC that measures the heap.
 */
@Path("endurance/meter")
@ApplicationScoped
public class MeterResource {

    @GET
    public String read() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return cpu + " " + heap + " " + gc;
    }
}
