package cn.zibo.livelihood.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;

/**
 * Starting the zonky PostgreSQL as a server for other programs too: the port and addresses of the
 * settings, and the password rules of {@link EmbeddedAccess} in place before the first connection.
 */
final class EmbeddedStart {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStart.class);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private EmbeddedStart() {
	}

	/**
	 * @param fresh the data directory is created now (initdb): the superuser's password is set by
	 * initdb itself, from a private file removed once it has been read
	 */
	static EmbeddedPostgres start(Path dir, PipelineProperties.Embedded settings, boolean fresh, String superuser)
			throws IOException {
		String password = fresh ? EmbeddedAccess.newPassword() : EmbeddedAccess.password(dir);
		Path initdbPassword = null;
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(settings.clean())
				.setPGStartupWait(STARTUP_WAIT)
				.setPort(settings.port())
				.setServerConfig("listen_addresses", EmbeddedAccess.listenAddresses(settings.listenAddresses()))
				.setServerConfig("max_connections", "100")
				// A load of a million figures writes about 1 GB of WAL and touches more than the default
				// 128 MB of buffers: with PostgreSQL's defaults it would force a checkpoint halfway (every
				// page written again whole) and evict its own index pages. (An external server is the
				// operators' to tune: docs/operating.md.)
				.setServerConfig("shared_buffers", "512MB")
				.setServerConfig("max_wal_size", "4GB")
				.setConnectConfig("password", password)
				.setDataDirectoryCustomizer(data -> {
					if (fresh) {
						EmbeddedAccess.writePrivate(data.toPath().resolve(EmbeddedAccess.PASSWORD_FILE), password);
					}
					EmbeddedAccess.writeHba(data.toPath(), superuser);
				});
			if (fresh) {
				// initdb's --pwfile: the directory must be empty for initdb, so the file lives beside it
				initdbPassword = Files.createTempFile(dir.toAbsolutePath().getParent(), ".initdb-", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(initdbPassword, password);
				builder.setLocaleConfig("pwfile", initdbPassword.toString());
				// Codes (T036-03, 2024Q3, 370303) are compared and sorted in every index and fold: byte order
				// lets PostgreSQL compare them with memcmp and abbreviated keys, where a libc locale (even
				// C.UTF-8, whose order is the same for UTF-8 text) goes through strcoll. Character
				// classes stay UTF-8's.
				builder.setLocaleConfig("lc-collate", "C");
			}
			if (settings.durable()) {
				// The library is made for throwaway test databases: it starts postgres with -F (fsync off)
				// and synchronous_commit off. These come after -F on the command line, so they win.
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			// Stopped after the application has closed, not beside it: the library's own JVM hook would
			// stop the server while a stopping (or still starting) pipeline is using it.
			// (Registered before the start: once the JVM is shutting down no handler can be added, and
			// a server started then would outlive this process.)
			AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
			SpringApplication.getShutdownHandlers().add(() -> stop(started.get()));
			started.set(builder.setRegisterShutdownHook(false).start());
			return started.get();
		}
		finally {
			if (initdbPassword != null) {
				Files.deleteIfExists(initdbPassword);
			}
		}
	}

	private static void stop(EmbeddedPostgres postgres) {
		if (postgres == null) {
			return;
		}
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	/**
	 * A data directory made before connections needed a password: its superuser gets one. The server
	 * starts once, briefly, on a free port of 127.0.0.1 that trusts only the superuser from there (as
	 * every server of such a directory trusted everyone before), sets the password and stops.
	 */
	static void givePassword(Path dir, String superuser) throws IOException {
		log.info("Embedded PostgreSQL in {}: giving its superuser a password (once, for this data directory)", dir);
		String password = EmbeddedAccess.newPassword();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(STARTUP_WAIT)
			.setServerConfig("listen_addresses", "'127.0.0.1'")
			.setDataDirectoryCustomizer(data -> EmbeddedAccess.writeBootstrapHba(data.toPath(), superuser))
			.start(); Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.unwrap(PGConnection.class).alterUserPassword(superuser, password.toCharArray(), "scram-sha-256");
		}
		catch (SQLException ex) {
			throw new IOException("could not give the superuser a password: " + ex.getMessage(), ex);
		}
		EmbeddedAccess.writePrivate(dir.resolve(EmbeddedAccess.PASSWORD_FILE), password);
	}

}
