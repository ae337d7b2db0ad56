package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's jar run as its own process, as an operator runs it, in the benchmark's working
 * directory and against the benchmark's database. While it runs, its peak resident set
 * ({@code VmHWM} of {@code /proc/PID/status}) is read every few milliseconds; its JVM logs every
 * collection, from which the peak heap in use is the largest heap seen before a collection (or at
 * exit).
 */
final class Child {

	private static final Pattern BEFORE_GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

	private static final Pattern USED_AT_EXIT = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

	/** Status of a run stopped for taking longer than it was given. */
	static final int TIMED_OUT = -1;

	/** How one run went; {@code peakRssKib} and {@code peakHeapMib} are 0 when not measured. */
	record Run(int status, double seconds, long peakRssKib, long peakHeapMib, String out, Path log) {

		boolean ok() {
			return status == 0;
		}

		boolean timedOut() {
			return status == TIMED_OUT;
		}

	}

	private final Path java;

	private final Path jar;

	private final Path workDir;

	private final List<String> jvmOptions;

	private final List<String> settings;

	Child(Path java, Path jar, Path workDir, List<String> jvmOptions, List<String> settings) {
		this.java = java;
		this.jar = jar;
		this.workDir = workDir;
		this.jvmOptions = jvmOptions;
		this.settings = settings;
	}

	/** Starts a command and returns at once (for {@code serve}). */
	Process start(String name, List<String> heap, List<String> args, List<String> extraSettings) throws IOException {
		Path logs = Files.createDirectories(workDir.resolve("logs"));
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(heap);
		command.add("-Xlog:gc,gc+heap+exit:file=" + logs.resolve(name + "-gc.log"));
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		command.addAll(settings);
		command.addAll(extraSettings);
		return new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logs.resolve(name + ".out").toFile())
			.start();
	}

	/** Runs a command to its end, measuring memory. */
	Run run(String name, List<String> heap, List<String> args, List<String> extraSettings) throws Exception {
		return run(name, heap, args, extraSettings, Duration.ofDays(1));
	}

	/** Runs a command to its end, or stops it (SIGTERM, then SIGKILL) once it has taken {@code limit}. */
	Run run(String name, List<String> heap, List<String> args, List<String> extraSettings, Duration limit)
			throws Exception {
		long started = System.nanoTime();
		long deadline = started + limit.toNanos();
		Process process = start(name, heap, args, extraSettings);
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		long peakRss = 0;
		boolean timedOut = false;
		while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
			peakRss = Math.max(peakRss, vmHwm(status));
			if (System.nanoTime() > deadline) {
				timedOut = true;
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Path logs = workDir.resolve("logs");
		String out = Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8);
		return new Run(timedOut ? TIMED_OUT : process.exitValue(), seconds, peakRss, peakHeap(logs.resolve(name + "-gc.log")), out,
				logs.resolve(name + ".out"));
	}

	private static long vmHwm(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended between two looks: keep the last reading
		}
		return 0;
	}

	static long peakHeap(Path gcLog) throws IOException {
		if (!Files.exists(gcLog)) {
			return 0;
		}
		long peak = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher before = BEFORE_GC.matcher(line);
			if (before.find()) {
				peak = Math.max(peak, Long.parseLong(before.group(1)));
			}
			Matcher exit = USED_AT_EXIT.matcher(line);
			if (exit.find()) {
				peak = Math.max(peak, Long.parseLong(exit.group(1)) / 1024);
			}
		}
		return peak;
	}

}
