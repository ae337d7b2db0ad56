package cn.zibo.livelihood.system;

import java.io.IOException;
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

	/**
	 * @param durable PostgreSQL's own durable settings; otherwise the test library's fast ones, which
	 * may lose committed transactions or corrupt the data directory in a power cut
	 * @throws DatabaseUnreachableException when the server neither runs nor can be started
	 */
	public static EmbeddedPostgresServer forDirectory(Path dataDirectory, boolean clean, boolean durable) {
		return servers.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), dir -> start(dir, clean, durable));
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	public int port() {
		return port;
	}

	private static EmbeddedPostgresServer start(Path dir, boolean clean, boolean durable) {
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
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(clean)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100");
			if (durable) {
				// The library is made for throwaway test databases: it starts postgres with -F (fsync off)
				// and synchronous_commit off. These come after -F on the command line, so they win.
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			EmbeddedPostgres postgres = builder.start();
			Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
			log.info("Embedded PostgreSQL (嵌入式数据库) started on port {} with data in {}{}", postgres.getPort(), dir,
					durable ? "" : " (not durable: fsync off, for tests)");
			return new EmbeddedPostgresServer(postgres.getPort());
		}
		catch (IOException | RuntimeException ex) {
			throw new DatabaseUnreachableException(cannotStart(dir, ex), ex);
		}
	}

	/** One line: why the server could not start, and what to do. */
	private static String cannotStart(Path dir, Exception ex) {
		String what = "Cannot start the embedded PostgreSQL (嵌入式数据库) in " + dir + ": ";
		if (String.valueOf(ex.getMessage()).startsWith("could not lock")) {
			Optional<Long> owner = owner(dir).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
			return what + owner.map(pid -> "its server has stopped, but process " + pid
					+ ", which started it, still holds its data directory. Stop that process (serve) and start it again,"
					+ " which restarts the database, then run this command again.")
				.orElse("another process holds its data directory (epg-lock); wait until it ends, then try again.");
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return what + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + ".";
	}

	private static boolean ownerAlive(Path dir) {
		return owner(dir).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
	}

	/** The process that last started the server on this directory, as it wrote down. */
	private static Optional<Long> owner(Path dir) {
		try {
			return Optional.of(Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
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
