package cn.zibo.livelihood.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as a server others reach: a password for every connection, the pipeline's
 * own kept where only its owner reads it, and a data directory from before passwords given one.
 */
@PipelineIntegrationTest
class EmbeddedServerAccessIntegrationTests {

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	PipelineProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyConnectionNeedsItsPasswordWhoeverMakesIt() throws Exception {
		jdbc.sql("DROP ROLE IF EXISTS stranger").update();
		jdbc.sql("CREATE ROLE stranger LOGIN PASSWORD 'stranger-secret-1'").update();
		jdbc.sql("DROP ROLE IF EXISTS passwordless").update();
		jdbc.sql("CREATE ROLE passwordless LOGIN").update();
		try {
			assertThatThrownBy(() -> connect("stranger", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect("stranger", "wrong")).hasMessageContaining("password authentication failed");
			assertThatThrownBy(() -> connect("passwordless", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> connect("passwordless", "anything")).hasMessageContaining("password authentication failed");
			assertThatThrownBy(() -> connect(server.user(), "")).isInstanceOf(SQLException.class);
			try (Connection stranger = connect("stranger", "stranger-secret-1");
					Connection pipeline = connect(server.user(), server.password())) {
				assertThat(stranger.isValid(1)).isTrue();
				assertThat(pipeline.isValid(1)).isTrue();
			}
		}
		finally {
			jdbc.sql("DROP ROLE stranger").update();
			jdbc.sql("DROP ROLE passwordless").update();
		}
	}

	@Test
	void noRuleTrustsAnyoneAndThePipelinesPasswordIsForItsOwnerOnly() throws Exception {
		Path data = properties.embedded().dataDirectory();
		List<String> rules = Files.readAllLines(data.resolve("pg_hba.conf"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();

		assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).matches(".*\\s(scram-sha-256|reject)$"));
		assertThat(rules).noneMatch(rule -> rule.contains("trust"));
		assertThat(jdbc.sql("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust' OR error IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EmbeddedAccess.PASSWORD_FILE))))
			.isEqualTo("rw-------");
		assertThat(server.password()).hasSize(32);
		assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
		assertThat(jdbc.sql("SHOW port").query(Integer.class).single()).isEqualTo(server.port());
	}

	@Test
	void aDataDirectoryFromBeforePasswordsGetsOneAndTrustsNobodyAfter() throws Exception {
		// under target/, not a temporary folder: the server runs until the JVM ends
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upgraded-").resolve("pgdata");
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
				Connection trusted = old.getPostgresDatabase().getConnection()) {
			assertThat(trusted.isValid(1)).as("trusted before").isTrue();
		}

		EmbeddedPostgresServer upgraded = EmbeddedPostgresServer
			.forDirectory(new PipelineProperties.Embedded(data, false, false, 0, "localhost"));

		assertThat(upgraded.password()).hasSize(32);
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
		try (Connection connection = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.user(), upgraded.password())) {
			assertThat(connection.isValid(1)).isTrue();
		}
		assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.user(), ""))
			.isInstanceOf(SQLException.class);
	}

	private Connection connect(String user, String password) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(), user, password);
	}

}
