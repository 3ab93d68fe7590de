package dev.restow.bench.codec;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's cwebp on a file and reads its own decode and encode times (process start-up excluded). */
public final class Cwebp {

    private static final Pattern DECODE = Pattern.compile("Time to read input:\\s*([0-9.]+)s");
    private static final Pattern ENCODE = Pattern.compile("Time to encode picture:\\s*([0-9.]+)s");
    private static final Pattern CPU = Pattern.compile("CPU ([0-9.]+) ([0-9.]+)");

    /** One cwebp run: success, its timings and the output size. */
    public record Result(boolean ok, double decodeSeconds, double encodeSeconds, double cpuSeconds, long outputBytes) {
    }

    private final Path exe;

    private Cwebp(Path exe) {
        this.exe = exe;
    }

    /** cwebp from the PATH, if installed. */
    public static Optional<Cwebp> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "cwebp");
            if (Files.isExecutable(p)) {
                return Optional.of(new Cwebp(p));
            }
        }
        return Optional.empty();
    }

    public String version() {
        try {
            Process p = new ProcessBuilder(exe.toString(), "-version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    /** Encodes {@code in} with {@code -q quality -m method}, single-threaded (cwebp's default). */
    public Result encode(Path in, Path out, int quality, int method) throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        // bash's time keyword reports the child's user and system CPU seconds
        String cmd = "TIMEFORMAT='CPU %3U %3S'; time \"$0\" -v -q \"$1\" -m \"$2\" \"$3\" -o \"$4\"";
        Process p = new ProcessBuilder(List.of("bash", "-c", cmd, exe.toString(), String.valueOf(quality),
                String.valueOf(method), in.toString(), out.toString()))
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(false, 0, 0, 0, 0);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
            return new Result(false, 0, 0, 0, 0);
        }
        Matcher cpu = CPU.matcher(log);
        double cpuSeconds = cpu.find() ? Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2)) : 0;
        return new Result(true, seconds(DECODE, log), seconds(ENCODE, log), cpuSeconds, Files.size(out));
    }

    private static double seconds(Pattern p, String log) {
        Matcher m = p.matcher(log);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
