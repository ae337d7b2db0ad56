package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.ops.bench.Benchmark;
import cn.zibo.livelihood.system.PipelineProperties;

/**
 * The benchmark of issue 6, one command from a fresh clone. It keeps its own embedded PostgreSQL,
 * inbox and archive under {@code --work} (it empties that warehouse between runs), and runs the
 * pipeline's own jar as child processes against that same PostgreSQL.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Benchmark (基准测试): write deterministic inputs (UTF-8 CSV, GB18030 CSV, XLSX) and measure, against one"
				+ " PostgreSQL: COPY, POI's event read, Commons CSV, the pipeline's ingest --once on each file (rows/s, peak heap"
				+ " and RSS), reconcile and report over the largest warehouse, and drop-to-receipt latency under serve.",
				"Takes about 10 minutes with the default sizes on 2 cores; needs about 1 GiB of disk under --work." })
class BenchCommand implements SpringTask {

	@Option(names = "--rows", split = ",", defaultValue = "100000,1000000", paramLabel = "N[,N…]",
			description = "sizes, in rows (default ${DEFAULT-VALUE}); reconcile and report run over the last")
	List<Long> rows;

	@Option(names = "--work", defaultValue = "var/bench", paramLabel = "DIR",
			description = "the benchmark's own database, inputs, inbox and logs (default ${DEFAULT-VALUE})")
	Path work;

	@Option(names = "--latency-files", defaultValue = "20", paramLabel = "N",
			description = "100-row files dropped under serve for the latency figures (default ${DEFAULT-VALUE})")
	int latencyFiles;

	@Option(names = "--child-heap", defaultValue = "512m", paramLabel = "SIZE",
			description = "-Xmx of the measured ingest processes (default ${DEFAULT-VALUE})")
	String childHeap;

	@Option(names = "--child-jvm-option", paramLabel = "OPTION",
			description = "a JVM option for every child process, e.g. -XX:StartFlightRecording=filename=x.jfr (repeatable)")
	List<String> childJvmOptions = new ArrayList<>();

	@Option(names = "--report-period", defaultValue = "2024Q4", paramLabel = "P",
			description = "the period of the timed report (default ${DEFAULT-VALUE})")
	String reportPeriod;

	@Option(names = "--step-limit", defaultValue = "PT15M", paramLabel = "DURATION",
			description = "how long reconcile and report may take before they are stopped and reported as such (default ${DEFAULT-VALUE})")
	Duration stepLimit;

	@Option(names = "--jar", paramLabel = "FILE",
			description = "the pipeline's jar to run as child processes (default: the jar this command runs from)")
	Path jar;

	@Override
	public List<String> settings() {
		Path dir = work.toAbsolutePath().normalize();
		return List.of("--etl.embedded.data-directory=" + dir.resolve("pgdata"), "--etl.embedded.port=0",
				"--etl.inbox=" + dir.resolve("inbox"),
				"--etl.ingest.archive=" + dir.resolve("archive"));
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		PipelineProperties properties = context.getBean(PipelineProperties.class);
		Path dir = work.toAbsolutePath().normalize();
		if (!context.getEnvironment().getProperty("spring.datasource.url", "").isBlank()
				|| !properties.embedded().dataDirectory().toAbsolutePath().normalize().equals(dir.resolve("pgdata"))) {
			out.println("bench keeps its own embedded PostgreSQL in " + dir.resolve("pgdata") + " and empties its warehouse"
					+ " between runs; run it without spring.datasource.url and etl.embedded.data-directory.");
			return CommandLineLauncher.USAGE;
		}
		Path ownJar = jar != null ? jar : Path.of(System.getProperty("java.class.path"));
		if (!ownJar.toString().endsWith(".jar") || !Files.isRegularFile(ownJar)) {
			out.println("bench runs the pipeline's jar as child processes: run it as java -jar target/livelihood-pipeline.jar"
					+ " bench, or give --jar.");
			return CommandLineLauncher.USAGE;
		}
		if (rows.isEmpty() || rows.stream().anyMatch(n -> n < 1)) {
			out.println("--rows takes positive sizes, e.g. --rows 100000,1000000");
			return CommandLineLauncher.USAGE;
		}
		Path jobs = Files.createDirectories(dir.resolve("jobs"));
		List<String> childSettings = new ArrayList<>(settings());
		childSettings.addAll(List.of("--etl.seeds=" + properties.seeds().toAbsolutePath().normalize(),
				"--etl.mappings=" + properties.mappings().toAbsolutePath().normalize(), "--etl.jobs=" + jobs));
		boolean report = new CommandLine(new PipelineCommand()).getSubcommands().containsKey("report");
		Benchmark.Options options = new Benchmark.Options(Path.of(System.getProperty("java.home"), "bin", "java"),
				ownJar.toAbsolutePath(), dir, List.copyOf(rows), latencyFiles, childHeap, List.copyOf(childJvmOptions),
				childSettings, report, reportPeriod, stepLimit);
		return new Benchmark(options, context.getBean(DataSource.class), out).run();
	}

}
