package cn.zibo.livelihood.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations keep the layout of docs/database.md: tables in V files numbered 1..n, each view,
 * function and trigger in one R__ file that can run again.
 */
class MigrationConventionTests {

	@Test
	void theMigrationsKeepTheirLayout() {
		assertThat(MigrationConventions.violations(MigrationConventions.FOLDER))
			.as("migrations breaking the layout of docs/database.md")
			.isEmpty();
	}

	@Test
	void everyBreachIsListedAtOnceWithItsFileAndLine(@TempDir Path folder) throws IOException {
		write(folder, "V1__schemas.sql", "CREATE SCHEMA s;\n");
		write(folder, "V3__tables.sql", """
				CREATE TABLE s.t (a int);
				-- CREATE VIEW s.commented AS SELECT 1; is no definition
				CREATE VIEW s.in_versioned AS SELECT 'CREATE VIEW s.quoted' AS a;
				""");
		write(folder, "V3__more_tables.sql", "CREATE TABLE s.u (a int);\n");
		write(folder, "V4.1__point.sql", "CREATE TABLE s.w (a int);\n");
		write(folder, "v5_lower_case.sql", "CREATE TABLE s.x (a int);\n");
		write(folder, "R__first.sql", """
				CREATE OR REPLACE VIEW s.v AS SELECT 1 AS a;
				CREATE FUNCTION s.f() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    EXECUTE 'CREATE VIEW s.dynamic AS SELECT 1';
				    RETURN NULL;
				END
				$$;
				CREATE TRIGGER t_tg AFTER INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION s.f();
				DROP VIEW IF EXISTS s.old
				    CASCADE;
				""");
		write(folder, "R__second.sql", """
				/* a block comment: CREATE VIEW s.v AS SELECT 3 */
				CREATE OR REPLACE VIEW s.v AS SELECT 2 AS a;
				DROP TRIGGER IF EXISTS ok_tg ON s.t;
				CREATE TRIGGER ok_tg AFTER INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION s.f();
				CREATE OR REPLACE TRIGGER replaced_tg AFTER INSERT ON s.t FOR EACH ROW EXECUTE FUNCTION s.f();
				""");
		write(folder, "notes.txt", "CREATE VIEW s.not_sql AS SELECT 1;\n");

		assertThat(MigrationConventions.violations(folder)).containsExactly(
				"V3__tables.sql:3: view s.in_versioned is defined in a versioned migration; views, functions and"
						+ " triggers live in an R__ file",
				"V4.1__point.sql: versions are whole numbers 1, 2, 3…, not 4.1",
				"R__first.sql:2: function s.f cannot be created again when the file runs again"
						+ " (CREATE OR REPLACE; a trigger after DROP TRIGGER IF EXISTS)",
				"R__first.sql:8: trigger t_tg on s.t cannot be created again when the file runs again"
						+ " (CREATE OR REPLACE; a trigger after DROP TRIGGER IF EXISTS)",
				"R__first.sql:9: DROP … CASCADE in a repeatable migration also drops the dependants of other files,"
						+ " which do not run again",
				"v5_lower_case.sql: not a migration name (V<n>__<description>.sql or R__<description>.sql)",
				"view s.v is defined 2 times (R__first.sql:1, R__second.sql:2); keep only the live definition",
				"versioned migrations are numbered 1..n without gaps: V2 is missing",
				"V3 is used by V3__more_tables.sql, V3__tables.sql");
	}

	private static void write(Path folder, String name, String sql) throws IOException {
		Files.writeString(folder.resolve(name), sql);
	}

}
