package cn.zibo.livelihood.warehouse;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Figure;
import cn.zibo.livelihood.validate.Problem;

/**
 * The submission records: claimed when a file is taken from the inbox, finished when it is processed.
 * Several instances of the pipeline may share one database and one inbox, so every hand-over is
 * decided here, in PostgreSQL, never in memory: taking files from the inbox is serialised by an
 * advisory lock, and a submission or a receipt is taken by row lock with {@code SKIP LOCKED}.
 */
@Component
public class Submissions {

	/**
	 * The advisory lock (PostgreSQL {@code pg_advisory_xact_lock}) held while files are taken from the
	 * inbox: one instance at a time scans, archives, claims and removes, so another never sees a file
	 * that is being taken (and claims it again once the first claim is processed, or fails reading it).
	 */
	public static final long INTAKE_LOCK = 113_000_001L;

	/** Valid figures of a rejected submission kept for its receipt, as many as a receipt lists. */
	public static final int MAX_WITHHELD = 50_000;

	private final JdbcClient jdbc;

	Submissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed file waiting to be processed. */
	public record Pending(long id, String departmentCode, String folder, String fileName, String sha256, Path archivePath) {
	}

	/**
	 * Records a file taken from the inbox. Empty when the same file (folder, name and bytes) is already
	 * claimed and waiting, as after a crash between claiming and clearing the inbox.
	 */
	public Optional<Long> claim(String departmentCode, String folder, String fileName, String sha256, long size,
			Path archivePath, Long jobExecutionId) {
		return jdbc.sql("""
				INSERT INTO warehouse.submission (department_code, inbox_folder, file_name, sha256, size_bytes, archive_path,
				                                  job_execution_id)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (inbox_folder, file_name, sha256) WHERE status = 'received' DO NOTHING
				RETURNING submission_id""")
			.params(departmentCode, folder, fileName, sha256, size, archivePath.toString(), jobExecutionId)
			.query(Long.class)
			.optional();
	}

	/** Whether a file of this folder, name and bytes was ever claimed. */
	public boolean claimed(String folder, String fileName, String sha256) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM warehouse.submission WHERE inbox_folder = ? AND file_name = ? AND sha256 = ?)")
			.params(folder, fileName, sha256)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Waits, inside the caller's transaction, until no other instance is taking files from the inbox;
	 * the lock is held until that transaction ends.
	 */
	public void lockIntake() {
		jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(INTAKE_LOCK).query(Boolean.class).single();
	}

	/**
	 * The oldest waiting submission, locked so that another instance takes a different one. A
	 * department's submissions are taken in the order received: one waits while an earlier one of the
	 * same department is waiting or being processed elsewhere, since a later file replaces the
	 * values of an earlier one for the same period, never the reverse.
	 */
	public Optional<Pending> nextPending() {
		return jdbc.sql("""
				SELECT submission_id, department_code, inbox_folder, file_name, sha256, archive_path
				FROM warehouse.submission s WHERE status = 'received'
				  AND NOT EXISTS (SELECT 1 FROM warehouse.submission e
				                  WHERE e.status = 'received' AND e.submission_id < s.submission_id
				                    AND e.department_code IS NOT DISTINCT FROM s.department_code)
				ORDER BY submission_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					Path.of(rs.getString(6))))
			.optional();
	}

	/**
	 * The departments with submissions waiting to be processed, in the order their first waiting file
	 * was received; a folder that is no department's counts as one, {@code ""}. The unit loads run
	 * side by side in: one department's files stay in order.
	 */
	public List<String> departmentsWaiting() {
		return jdbc.sql("""
				SELECT coalesce(department_code, '') FROM warehouse.submission WHERE status = 'received'
				GROUP BY department_code ORDER BY min(submission_id)""")
			.query(String.class)
			.list();
	}

	/** {@link #nextPending()} of one department ({@code ""}: of the folders that are no department's). */
	public Optional<Pending> nextPendingOf(String departmentCode) {
		return jdbc.sql("""
				SELECT submission_id, department_code, inbox_folder, file_name, sha256, archive_path
				FROM warehouse.submission s WHERE status = 'received'
				  AND s.department_code IS NOT DISTINCT FROM nullif(?, '')
				  AND NOT EXISTS (SELECT 1 FROM warehouse.submission e
				                  WHERE e.status = 'received' AND e.submission_id < s.submission_id
				                    AND e.department_code IS NOT DISTINCT FROM s.department_code)
				ORDER BY submission_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param(departmentCode)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					Path.of(rs.getString(6))))
			.optional();
	}

	/**
	 * Whether a claimed submission waits to be processed, or a processed one to be answered: work a
	 * run that ended early (a killed process) left, which no new file in the inbox will bring back.
	 */
	public boolean hasWaitingWork() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM warehouse.submission WHERE status = 'received')
				    OR EXISTS (SELECT 1 FROM warehouse.submission WHERE receipt_written_at IS NULL AND status <> 'received')""")
			.query(Boolean.class)
			.single();
	}

	public long pendingCount() {
		return jdbc.sql("SELECT count(*) FROM warehouse.submission WHERE status = 'received'").query(Long.class).single();
	}

	/**
	 * An earlier loaded submission of the same department with exactly these bytes. A rejected one
	 * does not count: the same file sent again is judged again, since the mapping, the catalogue or a
	 * period's lock may have changed since.
	 */
	public Optional<Long> earlierWithSameBytes(Pending pending) {
		return jdbc.sql("""
				SELECT submission_id FROM warehouse.submission
				WHERE sha256 = ? AND department_code IS NOT DISTINCT FROM ? AND submission_id < ?
				  AND status IN ('loaded', 'superseded')
				ORDER BY submission_id LIMIT 1""")
			.params(pending.sha256(), pending.departmentCode(), pending.id())
			.query(Long.class)
			.optional();
	}

	public void duplicate(long id, long of) {
		jdbc.sql("UPDATE warehouse.submission SET status = 'duplicate', duplicate_of = ?, processed_at = now() WHERE submission_id = ?")
			.params(of, id)
			.update();
	}

	/** Records the outcome of a processed submission and its problems. */
	public void finish(long id, Outcome outcome, List<Problem> problems) {
		jdbc.sql("""
				UPDATE warehouse.submission
				SET status = ?, processed_at = now(), policy = ?, catalogue_version = ?, sheet = ?, periods = ?,
				    figures_total = ?, figures_new = ?, figures_updated = ?, figures_unchanged = ?, figures_invalid = ?,
				    figures_withheld = ?, reading = ?
				WHERE submission_id = ?""")
			.params(outcome.loaded() ? "loaded" : "rejected", outcome.partial() ? "partial" : "all_or_nothing",
					outcome.catalogueVersion(), outcome.sheet(), outcome.periods().toArray(String[]::new), outcome.figures(),
					outcome.counts().figuresNew(), outcome.counts().figuresUpdated(), outcome.counts().figuresUnchanged(),
					outcome.invalid(), outcome.withheld(), outcome.reading().toArray(String[]::new), id)
			.update();
		for (Problem p : problems) {
			jdbc.sql("""
					INSERT INTO warehouse.submission_error (submission_id, sheet, row_no, column_name, value, code, message)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, p.sheet(), p.rowNo(), p.column(), p.value(), p.code(), p.message())
				.update();
		}
	}

	/**
	 * Keeps the valid figures of a rejected submission (the first {@link #MAX_WITHHELD}), so that its
	 * receipt lists them as rejected because the file was refused. One statement, whatever their number.
	 */
	public void withheld(long id, List<Figure> figures) {
		List<Figure> kept = figures.subList(0, Math.min(figures.size(), MAX_WITHHELD));
		if (kept.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO warehouse.withheld_figure (submission_id, sheet, row_no, column_name, indicator_code, district_code,
				                                       period, value, status, reported_text, position)
				SELECT ?::bigint, * FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
				                                ?::text[], ?::text[]) WITH ORDINALITY""")
			.params(id, kept.stream().map(Figure::sheet).toArray(String[]::new),
					kept.stream().map(Figure::rowNo).toArray(Integer[]::new), kept.stream().map(Figure::column).toArray(String[]::new),
					kept.stream().map(Figure::indicatorCode).toArray(String[]::new),
					kept.stream().map(Figure::districtCode).toArray(String[]::new),
					kept.stream().map(f -> f.period().code()).toArray(String[]::new),
					kept.stream().map(Figure::value).toArray(BigDecimal[]::new),
					kept.stream().map(f -> f.status() == null ? null : f.status().code()).toArray(String[]::new),
					kept.stream().map(Figure::reportedText).toArray(String[]::new))
			.update();
	}

	/**
	 * The oldest processed submission whose receipt is not yet written, locked until the caller's
	 * transaction ends so that another instance writes a different one.
	 */
	public Optional<Long> nextAwaitingReceipt() {
		return jdbc.sql("""
				SELECT submission_id FROM warehouse.submission WHERE receipt_written_at IS NULL AND status <> 'received'
				ORDER BY submission_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.query(Long.class)
			.optional();
	}

	public void receiptWritten(long id, Path receipt) {
		jdbc.sql("UPDATE warehouse.submission SET receipt_path = ?, receipt_written_at = now() WHERE submission_id = ?")
			.params(receipt.toAbsolutePath().normalize().toString(), id)
			.update();
	}

	/**
	 * Records why the pipeline could not process or answer a submission, for the operators; appended,
	 * since a submission that failed to load may then also fail to be answered.
	 */
	public void failed(long id, String cause) {
		jdbc.sql("""
				UPDATE warehouse.submission SET failure = concat_ws(E'\n', failure, ?::text) WHERE submission_id = ?""")
			.params(cause, id)
			.update();
	}

	/** The receipt could not be written at all: the submission counts as answered, so it does not hold up the others. */
	public void receiptFailed(long id, String cause) {
		failed(id, cause);
		jdbc.sql("UPDATE warehouse.submission SET receipt_written_at = now() WHERE submission_id = ?").param(id).update();
	}

	/**
	 * How a processed submission ended.
	 *
	 * @param withheld valid figures not loaded because the file was rejected whole
	 * @param reading how the file was read, one '名称:内容' line each
	 */
	public record Outcome(boolean loaded, boolean partial, Integer catalogueVersion, String sheet, List<String> periods,
			int figures, Facts.Counts counts, int invalid, int withheld, List<String> reading) {
	}

}
