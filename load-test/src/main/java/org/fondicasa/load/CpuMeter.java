package org.fondicasa.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who used the cores during a measurement: CPU time of each part (a process and its children, or this JVM) between
 * two samples, and how busy the whole machine was ({@code /proc/stat}). On a small machine where the generator,
 * the service and PostgreSQL share the cores, this says what the rate is bound by.
 */
final class CpuMeter {

    /** CPU used by each part over the interval, in cores (CPU seconds per wall second), and the machine's busy share. */
    record Usage(Map<String, Double> cores, double machineBusy, int machineCores) {
        /** Cores used by everything else on the machine: other work running at the same time skews the numbers. */
        double others() {
            double parts = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            return Double.isNaN(machineBusy) ? Double.NaN : Math.max(0, machineBusy * machineCores - parts);
        }
    }

    private final Map<String, Supplier<Duration>> parts;
    private Map<String, Duration> startCpu;
    private long[] startMachine;
    private long startNanos;

    CpuMeter(Map<String, Supplier<Duration>> parts) {
        this.parts = parts;
    }

    void start() {
        startCpu = sample();
        startMachine = machineTicks();
        startNanos = System.nanoTime();
    }

    Usage stop() {
        Map<String, Duration> endCpu = sample();
        long[] endMachine = machineTicks();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        endCpu.forEach((part, cpu) -> cores.put(part, (cpu.toNanos() - startCpu.get(part).toNanos()) / 1e9 / wall));
        double busy = Double.NaN;
        if (startMachine != null && endMachine != null && endMachine[1] > startMachine[1]) {
            busy = (double) (endMachine[0] - startMachine[0]) / (endMachine[1] - startMachine[1]);
        }
        return new Usage(cores, busy, Runtime.getRuntime().availableProcessors());
    }

    private Map<String, Duration> sample() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        parts.forEach((part, supplier) -> cpu.put(part, supplier.get()));
        return cpu;
    }

    /**
     * A process and every process below it (PostgreSQL's backends, say), including the children that already ended
     * and were reaped by it (their time is in the parent's cutime/cstime on Linux): pgbench's connections come and go
     * within a measurement.
     */
    static Duration processTree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Duration.ZERO;
        }
        Duration total = root.get().info().totalCpuDuration().orElse(Duration.ZERO).plus(reapedChildren(pid));
        for (ProcessHandle child : (Iterable<ProcessHandle>) root.get().descendants()::iterator) {
            total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO)).plus(reapedChildren(child.pid()));
        }
        return total;
    }

    private static final long CLOCK_TICKS = clockTicks();

    /** CPU time of the process's ended and waited-for children (fields cutime and cstime of /proc/PID/stat). */
    static Duration reapedChildren(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name, in brackets, may hold spaces: count fields after its closing bracket
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Duration.ofNanos(ticks * 1_000_000_000L / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static Duration thisJvm() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Duration.ofNanos(sun.getProcessCpuTime());
        }
        return Duration.ZERO;
    }

    /** The postmaster's pid, from the first line of postmaster.pid in the data directory. */
    static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg says them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Busy and total jiffies of all cores, or null where there is no /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
