package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import cn.zibo.livelihood.system.EmbeddedPostgresServer;
import cn.zibo.livelihood.system.PipelineProperties;

/**
 * One run of the benchmark against its own embedded PostgreSQL in {@code work/pgdata}, created afresh
 * for the run. This process starts that server, as the first pipeline process on a data directory
 * does, so every child run of the jar finds it running and connects to it instead of starting its
 * own; the children migrate the schema and load the catalogue as an operator's commands would.
 */
final class Bench {

	private Bench() {
	}

	/** @return 0 when every step ran and every file loaded, else 1 */
	static int run(BenchSettings settings, PrintWriter out) throws Exception {
		Path dir = settings.work();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> childSettings = new ArrayList<>(List.of("--etl.embedded.data-directory=" + dir.resolve("pgdata"),
				"--etl.inbox=" + dir.resolve("inbox"), "--etl.ingest.archive=" + dir.resolve("archive"),
				"--etl.seeds=" + Path.of("seeds").toAbsolutePath(), "--etl.mappings=" + Path.of("mappings").toAbsolutePath(),
				// an empty folder: serve, timed for latency, schedules nothing of its own
				"--etl.jobs=" + Files.createDirectories(dir.resolve("jobs"))));
		// a port of its own, so that it never meets a pipeline (or another benchmark) on the default one
		int port = freePort();
		childSettings.add("--etl.embedded.port=" + port);
		EmbeddedPostgresServer server = EmbeddedPostgresServer.forDirectory(
				new PipelineProperties.Embedded(freshDataDirectory(dir.resolve("pgdata")), false, true, port, "localhost"));
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.user());
		config.setPassword(server.password());
		config.setPoolName("bench");
		config.setMaximumPoolSize(2);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			Benchmark.Options options = new Benchmark.Options(java, settings.jar(), dir, settings.rows(),
					settings.latencyFiles(), settings.childHeap(), settings.childJvmOptions(), childSettings,
					hasReportCommand(java, settings.jar()), settings.reportPeriod(), settings.stepLimit(),
					settings.bothCoresFiles(), settings.bothCoresRows(), settings.json());
			return new Benchmark(options, dataSource, out).run();
		}
	}

	/**
	 * A fresh database every run: a job the previous run's {@code serve} was stopped in would otherwise
	 * be restarted inside the first measured ingest, and a database migrated by an older build may not
	 * take this one's migrations.
	 */
	private static Path freshDataDirectory(Path pgdata) throws IOException {
		Path pidFile = pgdata.resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				throw new IllegalStateException("PostgreSQL (pid " + pid + ") still runs on " + pgdata
						+ ": another benchmark is running there, or a killed one left it; stop it first");
			}
		}
		Benchmark.deleteTree(pgdata);
		return pgdata;
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A jar built before {@code report} existed can still be measured, without that step. */
	private static boolean hasReportCommand(Path java, Path jar) throws IOException, InterruptedException {
		Process help = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--help").redirectErrorStream(true).start();
		String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!help.waitFor(1, TimeUnit.MINUTES)) {
			help.destroyForcibly();
		}
		return usage.contains("\n  report ");
	}

}
