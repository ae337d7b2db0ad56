package cn.zibo.livelihood.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped in the middle of {@code ingest --once}, then started again: the run fails
 * cleanly (it ends, records and says why, and no file is half loaded), and the next run restarts it
 * and finishes the batch with every file loaded exactly once. The test owns the server, so that it
 * can stop it. The server is back within the connection pool's wait (30 s), so the failed run can
 * record its failure; a run whose database stays away longer gives up after a few such waits and
 * is left marked running, to be recovered like a killed one ({@code etl.recover-after}).
 */
class DatabaseOutageFunctionalTests {

	@Test
	void anIngestCutOffFromPostgresFailsCleanlyAndTheNextRunCompletesTheBatch() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "outage-pgdata-");
		EmbeddedPostgres postgres = server(data, 0);
		int port = postgres.getPort();
		try {
			JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE outage").update();
			JdbcClient sql = JdbcClient.create(postgres.getDatabase("postgres", "outage"));
			JarRunner jar = new JarRunner(JarRunner.workDirWith("outage-", "seeds", "mappings"),
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "outage"), "--spring.datasource.username=postgres",
					"--etl.ingest.settle=0s");
			assertThat(jar.run("catalogue", "load").status()).isZero();
			Path inbox = jar.workDir().resolve("inbox");
			FileBatch batch = FileBatch.drop(sql, inbox, FileBatch.busiestDepartments(sql, 3), 20, 0);

			JarRunner.Running cut = jar.start("ingest", "--once");
			while (cut.process().isAlive() && FileBatch.count(sql, "SELECT count(*) FROM warehouse.submission WHERE status = 'loaded'") < 2) {
				Thread.sleep(20);
			}
			postgres.close();
			Thread.sleep(2000);
			postgres = server(data, port);
			sql = JdbcClient.create(postgres.getDatabase("postgres", "outage"));
			assertThat(cut.process().waitFor(2, TimeUnit.MINUTES)).as("the cut run ends").isTrue();

			JarRunner.Result failed = cut.result();
			assertThat(failed.status()).as("a failed command").isEqualTo(1);
			assertThat(failed.out()).containsPattern("数据接收（第\\d+次运行）：(失败|状态不明)").contains("connection");
			assertThat(ingestRuns(sql)).as("the failure recorded, not left running").singleElement().isIn("1 FAILED", "1 UNKNOWN");
			long loadedAtCut = FileBatch.count(sql, "SELECT count(*) FROM warehouse.submission WHERE status = 'loaded'");
			assertThat(loadedAtCut).as("cut in the middle of the batch").isBetween(2L, batch.size() - 1L);
			assertThat(FileBatch.count(sql, """
					SELECT count(*) FROM warehouse.fact f JOIN warehouse.submission s USING (submission_id)
					WHERE s.status <> 'loaded'""")).as("no file half loaded").isZero();

			JarRunner.Result rerun = jar.run("ingest", "--once");

			assertThat(rerun.status()).as(rerun.out() + rerun.err()).isZero();
			assertThat(ingestRuns(sql)).as("the failed run restarted and finished, then the command's own run")
				.containsExactly("1 FAILED", "1 COMPLETED", "2 COMPLETED");
			batch.assertAccountedFor(sql, inbox, jar.workDir().resolve("var/archive"));
		}
		finally {
			postgres.close();
			FileSystemUtils.deleteRecursively(data);
		}
	}

	/** "instance status" of every ingest run in order, instances numbered from 1. */
	private static List<String> ingestRuns(JdbcClient sql) {
		return sql.sql("""
				SELECT dense_rank() OVER (ORDER BY e.job_instance_id) || ' ' || e.status
				FROM batch.batch_job_execution e JOIN batch.batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = 'ingestJob' ORDER BY e.job_execution_id""").query(String.class).list();
	}

	/** A server on its own data directory, kept when stopped; port 0 picks a free one. */
	private static EmbeddedPostgres server(Path data, int port) throws java.io.IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
		return (port == 0 ? builder : builder.setPort(port)).start();
	}

}
