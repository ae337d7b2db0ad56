package cn.zibo.livelihood.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL whose data directory persists between runs. One server per data directory and
 * JVM: Spring contexts come and go (tests cache several), the server stays until the JVM exits.
 * <p>
 * A second process on the same directory (an operator running {@code status} while {@code serve}
 * runs) connects to the running server instead of failing on PostgreSQL's lock. A server orphaned by
 * a killed process is shut down and started afresh, so that it again belongs to a live process.
 */
public final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String OWNER_FILE = "pipeline-owner.pid";

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	private final int port;

	private EmbeddedPostgresServer(int port) {
		this.port = port;
	}

	public static EmbeddedPostgresServer forDirectory(Path dataDirectory, boolean clean) {
		return servers.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), dir -> start(dir, clean));
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	public int port() {
		return port;
	}

	private static EmbeddedPostgresServer start(Path dir, boolean clean) {
		try {
			Files.createDirectories(dir);
			Optional<RunningPostmaster> running = clean ? Optional.empty() : RunningPostmaster.in(dir);
			if (running.isPresent()) {
				if (ownerAlive(dir)) {
					log.info("Using the embedded PostgreSQL (嵌入式数据库) another pipeline process runs on port {}",
							running.get().port());
					return new EmbeddedPostgresServer(running.get().port());
				}
				log.warn("Embedded PostgreSQL in {} was left running by a process that ended; restarting it", dir);
				running.get().shutDown();
			}
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(clean)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				.start();
			Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
			log.info("Embedded PostgreSQL (嵌入式数据库) started on port {} with data in {}", postgres.getPort(), dir);
			return new EmbeddedPostgresServer(postgres.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
		}
	}

	private static boolean ownerAlive(Path dir) throws IOException {
		Path owner = dir.resolve(OWNER_FILE);
		if (!Files.exists(owner)) {
			return false;
		}
		try {
			long pid = Long.parseLong(Files.readString(owner).trim());
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** What {@code postmaster.pid} says about a server running on a data directory. */
	private record RunningPostmaster(long pid, int port) {

		static Optional<RunningPostmaster> in(Path dir) throws IOException {
			Path pidFile = dir.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return alive ? Optional.of(new RunningPostmaster(pid, Integer.parseInt(lines.get(3).trim())))
					: Optional.empty();
		}

		void shutDown() {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
			for (int i = 0; i < 600 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

	}

}
