package cn.zibo.livelihood.system;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class DatabaseMigrationIntegrationTests {

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExistingDatabaseMigratesAgainWithNothingToDo() {
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
		flyway.validate();
	}

	@Test
	void eachConcernHasItsOwnSchemaAndReportingHoldsOnlyViews() {
		assertThat(jdbc.sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list())
			.contains("catalogue", "staging", "warehouse", "reporting", "batch", "quartz");
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'reporting'"
				+ " AND table_type <> 'VIEW'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'batch'"
				+ " AND table_name = 'batch_job_execution'").query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'quartz'"
				+ " AND table_name = 'qrtz_triggers'").query(Long.class).single()).isOne();
	}

	@Test
	void theDatabaseIsARealPostgreSql17() {
		assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
	}

}
