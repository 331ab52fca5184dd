package org.originlive.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The simulated replicas: a few {@link BusReplicas} processes, their connections spread evenly. */
final class BusFleet implements AutoCloseable {

    /** What every replica heard in a row, added up. */
    record Heard(
            long delivered,
            long gaps,
            long missing,
            long dups,
            long backwards,
            long lostConnections,
            Histogram latency) {}

    private final List<Process> processes = new ArrayList<>();
    private final List<BufferedReader> outs = new ArrayList<>();
    private final List<PrintWriter> ins = new ArrayList<>();

    /** Starts the processes and returns once every connection listens. */
    BusFleet(String bus, String where, int replicas, int count, int sales, List<String> jvm, Path logs)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int p = 0; p < count; p++) {
            int connections = replicas / count + (p < replicas % count ? 1 : 0);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvm);
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    BusReplicas.class.getName(),
                    bus,
                    where,
                    Integer.toString(connections),
                    Integer.toString(sales),
                    Integer.toString(p)));
            Process process = new ProcessBuilder(command)
                    .redirectError(logs.resolve(bus + "-replicas-" + p + ".log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            processes.add(process);
            outs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            ins.add(new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8));
        }
        for (BufferedReader out : outs) {
            String ready = expect(out, "ready");
            long skew = Math.abs(Long.parseLong(ready.split(" ")[1]) - System.nanoTime());
            if (skew > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException(
                        "System.nanoTime differs between processes here: latency cannot be measured");
            }
        }
    }

    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    void window(long rowStart, long from, long to) {
        tell("window " + rowStart + " " + from + " " + to);
    }

    Heard report() throws Exception {
        tell("report");
        long[] sums = new long[6];
        Histogram latency = new Histogram(3);
        for (BufferedReader out : outs) {
            String[] f = expect(out, "stats").split(" ");
            for (int i = 0; i < sums.length; i++) {
                sums[i] += Long.parseLong(f[i + 1]);
            }
            latency.add(Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(f[7])), 0));
        }
        return new Heard(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], latency);
    }

    private void tell(String line) {
        for (PrintWriter in : ins) {
            in.println(line);
        }
    }

    private static String expect(BufferedReader out, String word) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(word + " ")) {
                return line;
            }
        }
        throw new IllegalStateException("A replica process ended; see its log under the work dir");
    }

    @Override
    public void close() throws Exception {
        tell("quit");
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
