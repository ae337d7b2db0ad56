package cn.zibo.livelihood.ops.web;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Submissions and their errors as {@code reporting.submission} and {@code reporting.submission_error}
 * show them, always through a department filter: a department user's own code, or for an operator
 * what was asked (null for all).
 */
@ServeOnly
@Component
class SubmissionViews {

	static final int MAX_ERRORS = 5000;

	private final JdbcClient jdbc;

	SubmissionViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One submission, its counts of figures and of problems. */
	record Submission(long submissionId, String department, String departmentCode, String fileName, String sha256,
			OffsetDateTime receivedAt, OffsetDateTime processedAt, String status, int rowsTotal, int rowsLoaded,
			int rowsRejected, String periods, long errors, Long duplicateOf, Long supersededBy, boolean hasReceipt) {

		@JsonProperty
		public String receiptXlsx() {
			return hasReceipt ? "/api/submissions/" + submissionId + "/receipt.xlsx" : null;
		}

		@JsonProperty
		public String receiptTxt() {
			return hasReceipt ? "/api/submissions/" + submissionId + "/receipt.txt" : null;
		}

	}

	/** One problem of a submission; row_no is the row a person sees in Excel, null for the whole file. */
	record Error(String sheet, Integer rowNo, String columnName, String value, String code, String message) {
	}

	private static final String SELECT = """
			SELECT s.submission_id, s.department, s.department_code, s.file_name, s.sha256, s.received_at, s.processed_at,
			       s.status, s.rows_total, s.rows_loaded, s.rows_rejected, array_to_string(s.periods, ', ') AS periods,
			       (SELECT count(*) FROM reporting.submission_error e WHERE e.submission_id = s.submission_id) AS errors,
			       s.duplicate_of, s.superseded_by, s.receipt_path IS NOT NULL AS has_receipt
			FROM reporting.submission s
			""";

	Paged<Submission> page(int page, int size, String department, String status) {
		String filter = "WHERE (CAST(:department AS text) IS NULL OR s.department_code = :department)"
				+ " AND (CAST(:status AS text) IS NULL OR s.status = :status)";
		long total = jdbc.sql("SELECT count(*) FROM warehouse.submission s " + filter)
			.param("department", department)
			.param("status", blankToNull(status))
			.query(Long.class)
			.single();
		List<Submission> rows = jdbc.sql(SELECT + filter + " ORDER BY s.submission_id DESC LIMIT :size OFFSET :offset")
			.param("department", department)
			.param("status", blankToNull(status))
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Submission.class)
			.list();
		return new Paged<>(page, size, total, rows);
	}

	/** The submission, if it exists and the department filter lets it be seen. */
	Optional<Submission> find(long id, Viewer viewer) {
		return jdbc.sql(SELECT + "WHERE s.submission_id = ?")
			.param(id)
			.query(Submission.class)
			.optional()
			.filter(s -> viewer.maySee(s.departmentCode()));
	}

	List<Error> errors(long id, int limit) {
		return jdbc.sql("""
				SELECT sheet, row_no, column_name, value, code, message FROM reporting.submission_error
				WHERE submission_id = ? ORDER BY row_no NULLS FIRST, code LIMIT ?""")
			.params(id, Math.min(limit, MAX_ERRORS))
			.query(Error.class)
			.list();
	}

	/** Where a receipt was written, and the department folder it must lie in. */
	record StoredReceipt(Path workbook, String inboxFolder) {
	}

	/** Why the pipeline could not process or answer the submission, when it could not: for operators only. */
	Optional<String> failure(long id) {
		return jdbc.sql("SELECT failure FROM warehouse.submission WHERE submission_id = ? AND failure IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** Where the receipt workbook was written; the text version sits beside it. */
	Optional<StoredReceipt> receipt(long id) {
		return jdbc.sql("SELECT receipt_path, inbox_folder FROM warehouse.submission WHERE submission_id = ? AND receipt_path IS NOT NULL")
			.param(id)
			.query((rs, n) -> new StoredReceipt(Path.of(rs.getString(1)), rs.getString(2)))
			.optional();
	}

	/** A department an operator may filter by: code and name. */
	record DepartmentChoice(String code, String name) {
	}

	/** The departments with an inbox, by code; none before a catalogue is loaded. */
	List<DepartmentChoice> departments() {
		return jdbc.sql("SELECT code, name FROM reporting.department WHERE NOT is_group ORDER BY code")
			.query(DepartmentChoice.class)
			.list();
	}

	List<String> statuses() {
		return List.of("received", "loaded", "rejected", "duplicate", "superseded");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
