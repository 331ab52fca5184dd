package org.originlive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time of processes from /proc/<pid>/stat (user + system), in seconds, and other counters from /proc. */
final class CpuClock {

    // USER_HZ: 100 on every Linux we run on; getconf CLK_TCK says so.
    private static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clkTck", "100"));

    private CpuClock() {}

    static double seconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double self() {
        return seconds(ProcessHandle.current().pid());
    }

    /** The process and its direct children (a PostgreSQL postmaster and its backends). */
    static double withChildren(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        double total = seconds(pid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) {
                        total += ticks(stat) / TICKS_PER_SECOND;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended between list and read
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    /**
     * CPU seconds all cores have been busy since boot (all but idle and iowait in /proc/stat), and
     * of those in interrupts and softirqs (loopback networking). With tick-based accounting, as
     * here, a tick in a softirq also counts to the process it interrupted.
     */
    static double[] machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            double interrupts = Long.parseLong(f[6]) + Long.parseLong(f[7]);
            return new double[] {busy / TICKS_PER_SECOND, interrupts / TICKS_PER_SECOND};
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** Write syscalls the process has made (/proc/<pid>/io). */
    static long writeCalls(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("syscw:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (Exception e) {
            // not readable here
        }
        return -1;
    }

    private static long ticks(String stat) {
        // Fields after "(comm) ": state is field 3, utime field 14, stime field 15.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
