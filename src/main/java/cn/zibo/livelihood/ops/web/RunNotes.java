package cn.zibo.livelihood.ops.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the job repository alone does not say about a run, for the operator pages: the files its job
 * instance took from the inbox (a restart finishes the files its first attempt claimed) and how they
 * ended, and for a failed or stopped run the later successful run of the same job that did its work
 * instead (a new ingest run takes every waiting file; a new reconcile run checks every figure).
 */
@ServeOnly
@Component
class RunNotes {

	private final JdbcClient jdbc;

	RunNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param madeGoodBy the first successful run of the same job after this failed or stopped one
	 * @param continues the attempt of the same job instance this run restarted, if it is a restart
	 * @param files the files the job instance took; {@code loaded} of them loaded (a later file may have
	 * replaced them since), {@code rejected} refused, {@code duplicate} not loaded again, {@code waiting}
	 * not yet processed
	 * @param figuresRead the figures this run checked (of the files it took, or that waited before it);
	 * {@code figuresLoaded} of them loaded, {@code figuresRefused} not
	 */
	record Note(long jobExecutionId, Long madeGoodBy, Long continues, long files, long loaded, long rejected,
			long duplicate, long waiting, long figuresRead, long figuresLoaded, long figuresRefused) {

		/** A run that completed but refused files: not a plain green 完成. */
		public boolean completedWithRejections() {
			return rejected > 0;
		}

	}

	private static final String NOTES = """
			SELECT e.job_execution_id,
			       CASE WHEN e.status IN ('FAILED', 'STOPPED', 'ABANDONED', 'UNKNOWN') THEN (
			            SELECT n.job_execution_id FROM batch.batch_job_execution n
			            WHERE n.job_execution_id > e.job_execution_id AND n.status = 'COMPLETED'
			              AND n.job_instance_id IN (SELECT o.job_instance_id FROM batch.batch_job_instance o WHERE o.job_name = i.job_name)
			            ORDER BY n.job_execution_id LIMIT 1) END AS made_good_by,
			       (SELECT max(p.job_execution_id) FROM batch.batch_job_execution p
			        WHERE p.job_instance_id = e.job_instance_id AND p.job_execution_id < e.job_execution_id) AS continues,
			       coalesce(s.files, 0) AS files, coalesce(s.loaded, 0) AS loaded, coalesce(s.rejected, 0) AS rejected,
			       coalesce(s.duplicate, 0) AS duplicate, coalesce(s.waiting, 0) AS waiting,
			       coalesce(l.read_count, 0) AS figures_read, coalesce(l.write_count, 0) AS figures_loaded,
			       coalesce(l.filter_count, 0) AS figures_refused
			FROM batch.batch_job_execution e
			JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
			LEFT JOIN LATERAL (
			    SELECT count(*) AS files, count(*) FILTER (WHERE w.status IN ('loaded', 'superseded')) AS loaded,
			           count(*) FILTER (WHERE w.status = 'rejected') AS rejected,
			           count(*) FILTER (WHERE w.status = 'duplicate') AS duplicate,
			           count(*) FILTER (WHERE w.status = 'received') AS waiting
			    FROM warehouse.submission w
			    WHERE w.job_execution_id IN (SELECT a.job_execution_id FROM batch.batch_job_execution a
			                                 WHERE a.job_instance_id = e.job_instance_id)) s ON true
			LEFT JOIN LATERAL (
			    SELECT sum(st.read_count) AS read_count, sum(st.write_count) AS write_count, sum(st.filter_count) AS filter_count
			    FROM batch.batch_step_execution st
			    WHERE st.job_execution_id = e.job_execution_id AND st.step_name = 'submissionLoadStep') l ON true
			WHERE e.job_execution_id = ANY (:ids)""";

	/** The notes of these runs, by execution id. */
	Map<Long, Note> of(Collection<Runs.Run> runs) {
		if (runs.isEmpty()) {
			return Map.of();
		}
		Long[] ids = runs.stream().map(Runs.Run::jobExecutionId).toArray(Long[]::new);
		return jdbc.sql(NOTES)
			.param("ids", ids)
			.query(Note.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Note::jobExecutionId, Function.identity()));
	}

	/** A submission a run's job instance took from the inbox. */
	record File(long submissionId, String department, String fileName, String status, int rowsTotal, int rowsLoaded,
			int rowsRejected, long claimedBy) {
	}

	/** The files the run's job instance took from the inbox, in the order taken. */
	List<File> files(Runs.Run run) {
		return jdbc.sql("""
				SELECT s.submission_id, s.department, s.file_name, s.status, s.rows_total, s.rows_loaded, s.rows_rejected,
				       w.job_execution_id AS claimed_by
				FROM warehouse.submission w JOIN reporting.submission s ON s.submission_id = w.submission_id
				WHERE w.job_execution_id IN (SELECT a.job_execution_id FROM batch.batch_job_execution a WHERE a.job_instance_id = ?)
				ORDER BY s.submission_id""")
			.param(run.jobInstanceId())
			.query(File.class)
			.list();
	}

	/** Whether any run is under way, or a file waits that no failed run holds: the pages refresh themselves. */
	boolean somethingRuns() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM batch.batch_job_execution WHERE status IN ('STARTING', 'STARTED', 'STOPPING'))
				    OR EXISTS (SELECT 1 FROM warehouse.submission w
				               LEFT JOIN batch.batch_job_execution e ON e.job_execution_id = w.job_execution_id
				               WHERE w.status = 'received' AND (e.status IS NULL OR e.status NOT IN ('FAILED', 'STOPPED', 'ABANDONED')))""")
			.query(Boolean.class)
			.single();
	}

	/**
	 * The failed or stopped run that holds a waiting file: the last attempt of the job instance that
	 * claimed it, until restarted (or until a later ingest run takes the file).
	 */
	Optional<Long> holding(long submissionId) {
		return jdbc.sql("""
				SELECT l.job_execution_id FROM warehouse.submission w
				JOIN batch.batch_job_execution c ON c.job_execution_id = w.job_execution_id
				JOIN LATERAL (SELECT x.job_execution_id, x.status FROM batch.batch_job_execution x
				              WHERE x.job_instance_id = c.job_instance_id ORDER BY x.job_execution_id DESC LIMIT 1) l ON true
				WHERE w.submission_id = ? AND w.status = 'received' AND l.status IN ('FAILED', 'STOPPED', 'UNKNOWN')""")
			.param(submissionId)
			.query(Long.class)
			.optional();
	}

	/** The run that took a file from the inbox. */
	Optional<Long> claimedBy(long submissionId) {
		return jdbc.sql("SELECT job_execution_id FROM warehouse.submission WHERE submission_id = ? AND job_execution_id IS NOT NULL")
			.param(submissionId)
			.query(Long.class)
			.optional();
	}

}
