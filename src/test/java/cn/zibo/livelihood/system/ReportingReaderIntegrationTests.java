package cn.zibo.livelihood.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CatalogueLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reporting reader as an analyst uses it: plain JDBC with the URL {@code serve} prints, every
 * reporting view readable, nothing else readable, nothing writable, nothing droppable.
 */
@PipelineIntegrationTest
class ReportingReaderIntegrationTests {

	@Autowired
	ReportingReader reader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	CatalogueLoader catalogue;

	@BeforeEach
	void loadedCatalogue() {
		catalogue.load(Path.of("seeds"));
	}

	@Test
	void theReaderReadsEveryReportingViewWithTheUrlServePrints() throws Exception {
		List<String> views = jdbc.sql("SELECT viewname FROM pg_views WHERE schemaname = 'reporting' ORDER BY 1")
			.query(String.class)
			.list();
		List<String> read = new ArrayList<>();
		try (Connection analyst = analyst(); Statement statement = analyst.createStatement()) {
			for (String view : views) {
				try (ResultSet rs = statement.executeQuery("SELECT * FROM reporting." + view + " LIMIT 5")) {
					while (rs.next()) {
						rs.getObject(1);
					}
					read.add(view);
				}
			}
			try (ResultSet rs = statement.executeQuery(
					"SELECT count(*) FROM reporting.indicator_progress_at(DATE '2024-09-30') WHERE district_code = '370300'")) {
				rs.next();
				assertThat(rs.getLong(1)).as("one row per quantitative indicator at 全市").isPositive();
			}
			try (ResultSet rs = statement.executeQuery("SHOW default_transaction_read_only")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo("on");
			}
		}

		assertThat(views).contains("indicator_value", "indicator_progress", "discrepancy", "department_completeness");
		assertThat(read).isEqualTo(views);
		assertThat(reader.describe()).singleElement()
			.asString()
			.contains(reader.jdbcUrl(), "“reporting_reader”", "etl.reporting.reader.password");
	}

	@Test
	void theReaderIsRefusedEverythingButReadingTheViews() throws Exception {
		try (Connection analyst = analyst()) {
			// the role reads only by default; it is its rights that refuse, even to one who turns that off
			try (Statement statement = analyst.createStatement()) {
				statement.execute("SET default_transaction_read_only = off");
			}
			for (String table : List.of("warehouse.fact", "warehouse.current_value", "catalogue.task", "staging.figure",
					"batch.batch_job_execution", "quartz.qrtz_triggers", "public.flyway_schema_history")) {
				assertRefused(analyst, "SELECT * FROM " + table + " LIMIT 1");
			}
			assertRefused(analyst, "INSERT INTO reporting.submission_error (submission_id, code, message) VALUES (1, 'x', 'x')");
			assertRefused(analyst, "INSERT INTO warehouse.period_event (period, action) VALUES ('2079Q1', 'close')");
			assertRefused(analyst, "DELETE FROM reporting.submission_error");
			assertRefused(analyst, "DROP VIEW reporting.indicator_value");
			assertRefused(analyst, "CREATE TABLE reporting.mine (a int)");
			assertRefused(analyst, "CREATE TABLE public.mine (a int)");
			assertRefused(analyst, "SELECT warehouse.reconcile()");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM pg_views WHERE viewname = 'indicator_value'").query(Long.class).single())
			.isOne();
	}

	@Test
	void withoutAPasswordNoRoleIsMadeAndARoleThatMayDoMoreIsRefused() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			ReaderGrants.Outcome none = ReaderGrants.apply(connection, new PipelineProperties.Reader("nobody_reads", null));
			connection.rollback();

			assertThat(none).isEqualTo(ReaderGrants.Outcome.ABSENT);
			assertThat(jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'nobody_reads'").query(Long.class).single())
				.isZero();
			assertThatThrownBy(() -> ReaderGrants.apply(connection, new PipelineProperties.Reader("postgres", "secret")))
				.hasMessageContaining("names the role 'postgres', which may do more than read",
						"it is the pipeline's own user; superuser");
			connection.rollback();
		}
		assertThat(jdbc.sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'reporting_reader'").query(Boolean.class).single())
			.isTrue();
	}

	private Connection analyst() throws SQLException {
		return DriverManager.getConnection(reader.jdbcUrl(), "reporting_reader", PipelineIntegrationTest.READER_PASSWORD);
	}

	private static void assertRefused(Connection connection, String sql) {
		assertThatThrownBy(() -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}).as(sql).isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).as(sql + ": " + ex.getMessage())
			.isEqualTo("42501"));
	}

}
