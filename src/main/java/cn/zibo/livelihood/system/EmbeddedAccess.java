package cn.zibo.livelihood.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may connect to the embedded PostgreSQL, and how. Every connection authenticates with a password
 * (SCRAM), over TCP and over the Unix socket alike: nobody is trusted for being on this machine. The
 * pipeline's own superuser has a random password, generated when its data directory is created and
 * kept in a file of that directory that only the process owner can read (PostgreSQL keeps the
 * directory itself at mode 0700); other pipeline processes on this directory read it there. That
 * superuser may connect from this machine only; everyone else (the reporting reader) needs the
 * password an operator set, from wherever {@code etl.embedded.listen-addresses} lets them reach it.
 * {@code pg_hba.conf} is written anew at every start, so that it always says this.
 */
final class EmbeddedAccess {

	static final String PASSWORD_FILE = "pipeline-password";

	private static final Pattern ADDRESSES = Pattern.compile("[A-Za-z0-9.:*_-]+(,[A-Za-z0-9.:*_-]+)*");

	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1", "*", "0.0.0.0", "::");

	static final String HBA = """
			# Written by the livelihood pipeline at every start of its embedded PostgreSQL: edits are lost.
			# Every connection gives a password (SCRAM); the pipeline's own superuser connects from this
			# machine only, with the password kept in pipeline-password beside this file.
			# TYPE  DATABASE  USER      ADDRESS       METHOD
			local   all       all                     scram-sha-256
			host    all       %1$s  127.0.0.1/32  scram-sha-256
			host    all       %1$s  ::1/128       scram-sha-256
			host    all       %1$s  all           reject
			host    all       all       all           scram-sha-256
			""";

	/** Only while an older data directory, whose superuser has no password yet, gets one. */
	private static final String BOOTSTRAP_HBA = """
			# Written by the livelihood pipeline while it gives its superuser a password, for a moment.
			host    all       %s  127.0.0.1/32  trust
			""";

	private EmbeddedAccess() {
	}

	/** The password the pipeline's superuser logs in with: empty when the server predates passwords. */
	static String password(Path dataDirectory) {
		try {
			Path file = dataDirectory.resolve(PASSWORD_FILE);
			return Files.exists(file) ? Files.readString(file).strip() : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean hasPassword(Path dataDirectory) {
		return Files.exists(dataDirectory.resolve(PASSWORD_FILE));
	}

	static String newPassword() {
		SecureRandom random = new SecureRandom();
		String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			password.append(letters.charAt(random.nextInt(letters.length())));
		}
		return password.toString();
	}

	/** Writes {@code text} to a file that only the process owner may read, replacing it whole. */
	static void writePrivate(Path file, String text) {
		try {
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, text);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeHba(Path dataDirectory, String superuser) {
		writePrivate(dataDirectory.resolve("pg_hba.conf"), HBA.formatted(superuser));
	}

	static void writeBootstrapHba(Path dataDirectory, String superuser) {
		writePrivate(dataDirectory.resolve("pg_hba.conf"), BOOTSTRAP_HBA.formatted(superuser));
	}

	/**
	 * PostgreSQL's {@code listen_addresses}, quoted for the shell pg_ctl starts it through, with
	 * loopback added when the setting leaves it out: the pipeline itself connects there.
	 */
	static String listenAddresses(String configured) {
		String addresses = configured == null || configured.isBlank() ? "localhost" : configured.replace(" ", "");
		if (!ADDRESSES.matcher(addresses).matches()) {
			throw new IllegalArgumentException("etl.embedded.listen-addresses takes host names or IP addresses separated"
					+ " by commas (or * for all), not '" + configured + "'");
		}
		if (List.of(addresses.split(",")).stream().noneMatch(LOOPBACK::contains)) {
			addresses = "localhost," + addresses;
		}
		return "'" + addresses + "'";
	}

	/** Refuses a fixed port another program holds, at once, instead of PostgreSQL's minute of waiting. */
	static Optional<String> portTaken(int port) {
		if (port == 0) {
			return Optional.empty();
		}
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of("port " + port + " is in use (another PostgreSQL, or the embedded database of another"
					+ " working directory); give this one another port with --etl.embedded.port=N (0: any free port)");
		}
	}

}
