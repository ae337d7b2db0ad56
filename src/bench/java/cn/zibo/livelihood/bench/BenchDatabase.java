package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the benchmark reads of, and does to, its own database between measurements. */
final class BenchDatabase {

	private final JdbcClient jdbc;

	private final Path work;

	BenchDatabase(JdbcClient jdbc, Path work) {
		this.jdbc = jdbc;
		this.work = work;
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * Every pipeline run starts from the same empty warehouse, so that none pays for superseding the
	 * previous one; this is the benchmark's own database, never the one the pipeline serves from.
	 */
	void emptyWarehouse() throws IOException {
		jdbc.sql("TRUNCATE warehouse.fact, warehouse.submission_error, warehouse.withheld_figure, warehouse.submission,"
				+ " warehouse.discrepancy, warehouse.current_value_history, staging.figure CASCADE").update();
		jdbc.sql("CHECKPOINT").update();
		for (String folder : List.of("inbox", "archive")) {
			Benchmark.deleteTree(work.resolve(folder));
		}
	}

	long lastExecution() {
		return jdbc.sql("SELECT coalesce(max(job_execution_id), 0) FROM batch.batch_job_execution").query(Long.class).single();
	}

	double jobSeconds(String jobName, long after) {
		return jdbc.sql("""
				SELECT e.start_time, e.end_time FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ? AND e.job_execution_id > ? ORDER BY e.job_execution_id DESC LIMIT 1""")
			.params(jobName, after)
			.query((rs, n) -> seconds(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)))
			.single();
	}

	/**
	 * The steps of the last ingest run after {@code after} (not of a run a command restarted before
	 * its own), in the order they ran; the partitions are left out, their step's own time spans them.
	 */
	List<Figures.Step> steps(long after) {
		return jdbc.sql("""
				SELECT s.step_name, s.start_time, s.end_time FROM batch.batch_step_execution s
				JOIN batch.batch_job_execution e ON e.job_execution_id = s.job_execution_id
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = 'ingestJob' AND s.step_name NOT LIKE '%:partition%'
				  AND e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch.batch_job_execution l
				                            JOIN batch.batch_job_instance li ON li.job_instance_id = l.job_instance_id
				                            WHERE li.job_name = 'ingestJob' AND l.job_execution_id > ?)
				ORDER BY s.step_execution_id""")
			.param(after)
			.query((rs, n) -> new Figures.Step(rs.getString(1),
					seconds(rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class))))
			.list();
	}

	/** The summed durations of the jobs a command ran; empty when it ran none. */
	Double jobSecondsAny(long after) {
		List<Double> jobs = jdbc.sql("SELECT start_time, end_time FROM batch.batch_job_execution WHERE job_execution_id > ?")
			.param(after)
			.query((rs, n) -> seconds(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)))
			.list();
		return jobs.isEmpty() ? null : jobs.stream().mapToDouble(Double::doubleValue).sum();
	}

	/** The findings open now (reconciliation's). */
	long openFindings() {
		return jdbc.sql("SELECT count(*) FROM warehouse.discrepancy WHERE closed_at IS NULL").query(Long.class).single();
	}

	/** The figures the loaded submissions hold (numbers and progress words). */
	long figures() {
		return jdbc.sql("SELECT coalesce(sum(rows_loaded), 0) FROM reporting.submission WHERE status = 'loaded'")
			.query(Long.class)
			.single();
	}

	static double seconds(LocalDateTime start, LocalDateTime end) {
		return Duration.between(start, end).toNanos() / 1e9;
	}

}
