package cn.zibo.livelihood.ops.web;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.reconcile.DiscrepancyKind;

/**
 * Open findings of reconciliation ({@code reporting.discrepancy}) as a department reads them: those
 * that name the department (by name or code, as the findings write them), with what a finding of
 * that kind means and what to do, and the submissions (报送#N) it names. A department user gets its
 * own department's only; another's finding is not found.
 */
@ServeOnly
@Component
class Findings {

	private static final int LIMIT = 500;

	private final JdbcClient jdbc;

	Findings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One open finding.
	 *
	 * @param kindName the city office's name of its kind (牵头部门数值不一致 …)
	 * @param departmentSubmissionIds those of its submissions the department asked for sent (all for an
	 * operator's unfiltered list): a department user may open these, not another department's
	 * @param meaning what a finding of its kind means; {@code action}: what to do about it
	 */
	record Finding(long discrepancyId, String kind, String kindName, String indicatorCode, String indicatorName,
			Integer taskNo, String districtCode, String districtName, String period, String periodName,
			List<String> departments, List<Long> submissionIds, List<Long> departmentSubmissionIds, String details,
			String meaning, String action, OffsetDateTime detectedAt, OffsetDateTime lastSeenAt) {
	}

	private static final String SELECT = """
			SELECT f.discrepancy_id, f.kind, f.indicator_code, f.indicator_name, f.task_no, f.district_code, f.district_name,
			       f.period, f.departments, f.submission_ids, f.details, f.detected_at, f.last_seen_at,
			       ARRAY(SELECT s.submission_id FROM warehouse.submission s WHERE s.submission_id = ANY (f.submission_ids)
			             AND (CAST(:department AS text) IS NULL OR s.department_code = :department)
			             ORDER BY s.submission_id) AS department_submission_ids
			FROM reporting.discrepancy f
			WHERE f.status = 'open'
			  AND (CAST(:department AS text) IS NULL OR EXISTS (
			       SELECT 1 FROM unnest(f.departments) AS named(department)
			       JOIN reporting.department d ON named.department IN (d.name, d.code) WHERE d.code = :department))
			""";

	/** Open findings naming the department (all of them for null), newest first; of one submission when given. */
	List<Finding> open(String department, Long submission) {
		return jdbc.sql(SELECT + " AND (CAST(:submission AS bigint) IS NULL OR :submission = ANY (f.submission_ids))"
				+ " ORDER BY f.detected_at DESC, f.discrepancy_id DESC LIMIT :limit")
			.param("department", department)
			.param("submission", submission)
			.param("limit", LIMIT)
			.query(Findings::finding)
			.list();
	}

	/** The open finding, if the viewer may see it. */
	Optional<Finding> find(long id, Viewer viewer) {
		return jdbc.sql(SELECT + " AND f.discrepancy_id = :id")
			.param("department", viewer.departmentFilter(null))
			.param("id", id)
			.query(Findings::finding)
			.optional();
	}

	/** How many open findings name each of these submissions (and the department). */
	Map<Long, Long> countBySubmission(String department, List<Long> submissions) {
		if (submissions.isEmpty()) {
			return Map.of();
		}
		return open(department, null).stream()
			.flatMap(f -> f.submissionIds().stream())
			.filter(submissions::contains)
			.collect(Collectors.groupingBy(id -> id, Collectors.counting()));
	}

	private static Finding finding(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("kind");
		Optional<DiscrepancyKind> known = DiscrepancyKind.of(kind);
		String period = rs.getString("period");
		return new Finding(rs.getLong("discrepancy_id"), kind, known.map(DiscrepancyKind::chineseName).orElse("其他"),
				rs.getString("indicator_code"), rs.getString("indicator_name"), (Integer) rs.getObject("task_no", Integer.class),
				rs.getString("district_code"), OperatorWords.INSTANCE.district(rs.getString("district_code"), rs.getString("district_name")), period, ClerkWords.INSTANCE.period(period),
				texts(rs.getArray("departments")), numbers(rs.getArray("submission_ids")),
				numbers(rs.getArray("department_submission_ids")), rs.getString("details"),
				known.map(DiscrepancyKind::meaning).orElse(""), known.map(DiscrepancyKind::action).orElse(""),
				rs.getObject("detected_at", OffsetDateTime.class), rs.getObject("last_seen_at", OffsetDateTime.class));
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static List<Long> numbers(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
	}

}
