package cn.zibo.livelihood.ops.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import cn.zibo.livelihood.ingest.Uploads;

/**
 * What became of an upload. An uploaded file is a dropped file: the intake takes it in its own time
 * and records a submission under the file's name. So an upload is followed by its name, its bytes'
 * SHA-256 and the newest submission id before it was written: the first submission after that with
 * the same name and bytes is this upload's (a byte-identical file sent again is a new submission, a
 * duplicate). Until there is one, the upload is waiting.
 */
@ServeOnly
@Component
class UploadStatuses {

	private final JdbcClient jdbc;

	UploadStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A file accepted by {@code POST /api/uploads}.
	 *
	 * @param name its name in the department folder (cleaned, numbered when the name was taken)
	 * @param sentName the name it was sent under
	 * @param status always {@code waiting}: the intake has not taken it yet
	 * @param statusUrl where to ask what became of it
	 */
	record Sent(String name, String sentName, String department, String departmentName, String folder, long size,
			String sha256, String status, String statusName, String statusUrl) {
	}

	/**
	 * @param status {@code waiting}, or the submission's status (received, loaded, rejected, duplicate,
	 * superseded)
	 * @param done its outcome and receipt exist
	 */
	record Status(String name, String status, String statusName, boolean done, Long submissionId, String submission,
			String receiptXlsx, String receiptTxt, Integer rowsTotal, Integer rowsLoaded, Integer rowsRejected, Long errors) {
	}

	/** The newest submission id now; an upload written after this is recorded with a larger one. */
	long lastSubmissionId() {
		return jdbc.sql("SELECT coalesce(max(submission_id), 0) FROM warehouse.submission").query(Long.class).single();
	}

	Sent sent(Uploads.Uploaded upload, long after) {
		String url = UriComponentsBuilder.fromPath("/api/uploads/status")
			.queryParam("name", upload.name())
			.queryParam("sha256", upload.sha256())
			.queryParam("after", after)
			.encode()
			.build()
			.toUriString();
		return new Sent(upload.name(), upload.sentName(), upload.department().code(), upload.department().name(),
				upload.folder(), upload.size(), upload.sha256(), ClerkWords.WAITING, ClerkWords.INSTANCE.submission(ClerkWords.WAITING),
				url);
	}

	Status status(String name, String sha256, long after, Viewer viewer) {
		return jdbc.sql("""
				SELECT s.submission_id, s.status, s.rows_total, s.rows_loaded, s.rows_rejected, s.receipt_path IS NOT NULL AS has_receipt,
				       (SELECT count(*) FROM reporting.submission_error e WHERE e.submission_id = s.submission_id) AS errors
				FROM reporting.submission s
				WHERE s.file_name = :name AND s.sha256 = :sha256 AND s.submission_id > :after
				  AND (CAST(:department AS text) IS NULL OR s.department_code = :department)
				ORDER BY s.submission_id LIMIT 1""")
			.param("name", name)
			.param("sha256", sha256)
			.param("after", after)
			.param("department", viewer.departmentFilter(null))
			.query((rs, n) -> {
				long id = rs.getLong("submission_id");
				String status = rs.getString("status");
				boolean receipt = rs.getBoolean("has_receipt");
				String api = "/api/submissions/" + id;
				return new Status(name, status, ClerkWords.INSTANCE.submission(status, rs.getInt("rows_rejected")),
						receipt && !status.equals("received"), id, api, receipt ? api + "/receipt.xlsx" : null,
						receipt ? api + "/receipt.txt" : null, rs.getInt("rows_total"), rs.getInt("rows_loaded"),
						rs.getInt("rows_rejected"), rs.getLong("errors"));
			})
			.optional()
			.orElseGet(() -> new Status(name, ClerkWords.WAITING, ClerkWords.INSTANCE.submission(ClerkWords.WAITING), false, null,
					null, null, null, null, null, null, null));
	}

}
