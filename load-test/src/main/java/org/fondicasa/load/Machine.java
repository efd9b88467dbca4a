package org.fondicasa.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on: the results mean nothing without it. */
record Machine(int cores, String cpu, String memory, String os, String javaVersion, String gitCommit, String disk) {

    static Machine describe(Path root, Path dataDir) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String commit = command(root, "git", "rev-parse", "HEAD");
        String dirty = command(root, "git", "status", "--porcelain", "--untracked-files=no");
        if (!dirty.isBlank() && !dirty.startsWith("(")) {
            commit = commit + " (with uncommitted changes)";
        }
        String df = command(root, "df", "-PT", dataDir.toString());
        String[] dfLines = df.split("\n");
        String disk = dfLines.length > 1 ? dfLines[1].trim().split("\\s+")[1] + " on " + dfLines[1].trim().split("\\s+")[0] : df;
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine(Path.of("/proc/cpuinfo"), "model name"),
                memory(procLine(Path.of("/proc/meminfo"), "MemTotal")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                command(root, javaBin, "-version").replace('\n', ' ').trim(),
                commit, disk);
    }

    private static String memory(String memTotal) {
        try {
            long kb = Long.parseLong(memTotal.replace("kB", "").trim());
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    private static String procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " ")).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The command's output (stdout and stderr), or a word in brackets saying why there is none. */
    static String command(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "(" + command[0] + " failed: " + output + ")";
            }
            return output;
        } catch (IOException e) {
            return "(" + command[0] + " not available)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    static String formatInt(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
