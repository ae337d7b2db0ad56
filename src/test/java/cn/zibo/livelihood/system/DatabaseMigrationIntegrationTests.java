package cn.zibo.livelihood.system;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class DatabaseMigrationIntegrationTests {

	private static final String[] SCHEMAS = { "catalogue", "staging", "warehouse", "reporting", "batch", "quartz" };

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
	void everyViewFunctionAndTriggerIsOneThatARepeatableMigrationDefines() {
		List<String> inDatabase = jdbc.sql("""
				SELECT 'view ' || schemaname || '.' || viewname FROM pg_views WHERE schemaname = ANY (?)
				UNION
				SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' ELSE 'function ' END || n.nspname || '.' || p.proname
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY (?)
				UNION
				SELECT 'trigger ' || t.tgname || ' on ' || n.nspname || '.' || c.relname
				FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE NOT t.tgisinternal AND n.nspname = ANY (?)""")
			.params(SCHEMAS, SCHEMAS, SCHEMAS)
			.query(String.class)
			.list();

		assertThat(inDatabase).as("what the database holds against what the R__ files define")
			.containsExactlyInAnyOrderElementsOf(MigrationConventions.definitions(MigrationConventions.FOLDER).keySet());
	}

	@Test
	void theDatabaseIsARealPostgreSql17() {
		assertThat(jdbc.sql("SHOW server_version").query(String.class).single()).startsWith("17.");
	}

}
