package cn.zibo.livelihood.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Connections need a password ({@link EmbeddedAccess}).
 */
public final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String OWNER_FILE = "pipeline-owner.pid";

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	private final int port;

	private final String password;

	private EmbeddedPostgresServer(int port, String password) {
		this.port = port;
		this.password = password;
	}

	/**
	 * @param settings where the data lives, whether it is durable, and where the server listens
	 * @throws DatabaseUnreachableException when the server neither runs nor can be started
	 */
	public static EmbeddedPostgresServer forDirectory(PipelineProperties.Embedded settings) {
		return servers.computeIfAbsent(settings.dataDirectory().toAbsolutePath().normalize(), dir -> start(dir, settings));
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	/** The pipeline's own superuser. */
	public String user() {
		return USER;
	}

	/** The superuser's password, as kept in the data directory; not to be shown or logged. */
	public String password() {
		return password;
	}

	public int port() {
		return port;
	}

	private static EmbeddedPostgresServer start(Path dir, PipelineProperties.Embedded settings) {
		try {
			Files.createDirectories(dir);
			Optional<RunningPostmaster> running = settings.clean() ? Optional.empty() : RunningPostmaster.in(dir);
			if (running.isPresent()) {
				if (ownerAlive(dir)) {
					log.info("Using the embedded PostgreSQL (嵌入式数据库) another pipeline process runs on port {}",
							running.get().port());
					return new EmbeddedPostgresServer(running.get().port(), EmbeddedAccess.password(dir));
				}
				log.warn("Embedded PostgreSQL in {} was left running by a process that ended; restarting it", dir);
				running.get().shutDown();
			}
			EmbeddedAccess.portTaken(settings.port()).ifPresent(taken -> {
				throw new IllegalStateException(taken);
			});
			boolean fresh = settings.clean() || !Files.exists(dir.resolve("PG_VERSION"));
			if (!fresh && !EmbeddedAccess.hasPassword(dir)) {
				EmbeddedStart.givePassword(dir, USER);
			}
			EmbeddedPostgres postgres = EmbeddedStart.start(dir, settings, fresh, USER);
			Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
			log.info("Embedded PostgreSQL (嵌入式数据库) started on port {} with data in {}, listening on {}{}",
					postgres.getPort(), dir, settings.listenAddresses(),
					settings.durable() ? "" : " (not durable: fsync off, for tests)");
			return new EmbeddedPostgresServer(postgres.getPort(), EmbeddedAccess.password(dir));
		}
		catch (IOException | RuntimeException ex) {
			throw new DatabaseUnreachableException(cannotStart(dir, ex), ex);
		}
	}

	/** One line: why the server could not start, and what to do. */
	private static String cannotStart(Path dir, Exception ex) {
		String what = "无法启动嵌入式数据库（数据目录 " + dir + "）：";
		if (String.valueOf(ex.getMessage()).startsWith("could not lock")) {
			Optional<Long> owner = owner(dir).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
			return what + owner.map(pid -> "数据库已停止，但启动它的进程 " + pid
					+ " 仍占用数据目录。请停止该进程（serve）并重新启动它，数据库随之重启，然后再运行本命令。")
				.orElse("另一个进程正占用数据目录（epg-lock），请等它结束后再试。");
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return what + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + "。";
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
