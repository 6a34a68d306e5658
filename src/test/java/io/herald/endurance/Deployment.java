package io.herald.endurance;

import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where an endurance run's server runs: in this process (a {@link HeraldServer}, published to through
 * {@code Broadcaster} as well as the REST API, measured here) or as instances of a cluster in processes of their own
 * ({@link EnduranceNode}, published to through their REST APIs, measured through {@link io.herald.endurance.server.MeterResource}).
 *
 * @param ports the HTTP port of each instance; subscriber {@code i} connects to instance {@code i % n}
 * @param broadcaster this process's {@code Broadcaster}, when the server runs here
 * @param meters a new meter for each run
 */
record Deployment(List<Integer> ports, Optional<Broadcaster> broadcaster, Supplier<Meter> meters) {

    static Deployment inProcess(HeraldServer server) {
        return new Deployment(List.of(server.port()), Optional.of(server.container().select(Broadcaster.class).get()),
                LocalMeter::new);
    }

    static Deployment instances(List<Integer> ports) {
        return new Deployment(List.copyOf(ports), Optional.empty(), () -> new InstancesMeter(ports));
    }

    /** The server's heap after a GC, its CPU time since the last reading (publishers left out), and its GC time. */
    interface Meter {
        Reading read(Set<Long> publisherThreads);
    }

    /** @param heapMb over every instance */
    record Reading(double heapMb, long cpuNanos, long gcMillis) {
    }

    /** This process, less the CPU of the run's own publishing threads. */
    static final class LocalMeter implements Meter {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private long cpu = os.getProcessCpuTime();
        private long publishers;
        private long gc = gcMillis();

        @Override
        public Reading read(Set<Long> publisherThreads) {
            long cpuNow = os.getProcessCpuTime();
            long publishersNow = publisherThreads.stream().mapToLong(threads::getThreadCpuTime)
                    .filter(time -> time > 0).sum();
            long gcNow = gcMillis();
            // The GC that measures the heap comes after the CPU reading, so that it is not charged to the server.
            System.gc();
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
            Reading reading = new Reading(heap, cpuNow - cpu - Math.max(0, publishersNow - publishers), gcNow - gc);
            cpu = os.getProcessCpuTime();
            publishers = publishersNow;
            gc = gcMillis();
            return reading;
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    /** The instances' own readings, summed (an instance that does not answer, killed by a fault, counts nothing). */
    static final class InstancesMeter implements Meter {
        private final List<Integer> ports;
        private final HttpClient http = HttpClient.newHttpClient();
        private final long[] cpu;
        private final long[] gc;

        InstancesMeter(List<Integer> ports) {
            this.ports = ports;
            this.cpu = new long[ports.size()];
            this.gc = new long[ports.size()];
            read(Set.of());
        }

        @Override
        public Reading read(Set<Long> publisherThreads) {
            double heap = 0;
            long cpuSpent = 0;
            long gcSpent = 0;
            for (int i = 0; i < ports.size(); i++) {
                String answer = get(ports.get(i));
                if (answer == null) {
                    continue;  // an instance a fault killed
                }
                String[] parts = answer.trim().split(" ");
                long cpuNow = Long.parseLong(parts[0]);
                long gcNow = Long.parseLong(parts[2]);
                heap += Long.parseLong(parts[1]) / 1024.0 / 1024.0;
                cpuSpent += cpuNow - cpu[i];
                gcSpent += gcNow - gc[i];
                cpu[i] = cpuNow;
                gc[i] = gcNow;
            }
            return new Reading(heap, cpuSpent, gcSpent);
        }

        private String get(int port) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/endurance/meter"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
