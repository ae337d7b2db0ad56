package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as its own process in a working directory, as an operator would. */
final class JarRunner {

	static final Path JAR = Path.of("target/livelihood-pipeline.jar").toAbsolutePath();

	private final Path workDir;

	private final List<String> settings;

	JarRunner(Path workDir, String... settings) {
		this.workDir = workDir;
		this.settings = List.of(settings);
	}

	/** A fresh working directory under target/ holding copies of the given project folders. */
	static Path workDirWith(String prefix, String... folders) throws IOException {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
		for (String folder : folders) {
			Files.createDirectories(dir.resolve(folder));
			try (var files = Files.list(Path.of(folder))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.copy(file, dir.resolve(folder).resolve(file.getFileName()));
				}
			}
		}
		return dir;
	}

	/**
	 * A working directory with the project's seeds and mappings, on a database of its own, with the
	 * catalogue loaded: where an operator starts.
	 */
	static JarRunner withCatalogue(EmbeddedPostgres postgres, String prefix) throws IOException, InterruptedException {
		JarRunner jar = new JarRunner(workDirWith(prefix, "seeds", "mappings"),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
				"--etl.ingest.settle=0s");
		assertThat(jar.run("catalogue", "load").status()).isZero();
		return jar;
	}

	/** Runs a command to its end. */
	Result run(String... args) throws IOException, InterruptedException {
		Running running = start(args);
		assertThat(running.process().waitFor(5, TimeUnit.MINUTES)).as("finished in time: " + List.of(args)).isTrue();
		return running.result();
	}

	/** Starts a command and returns at once. */
	Running start(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		command.addAll(settings);
		Path out = Files.createTempFile(workDir, "out-", ".txt");
		Path err = Files.createTempFile(workDir, "err-", ".txt");
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		return new Running(process, out, err);
	}

	Path workDir() {
		return workDir;
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A started command. */
	record Running(Process process, Path out, Path err) {

		Result result() throws IOException {
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}

	}

	/** What a finished command said. */
	record Result(int status, String out, String err) {
	}

}
