package cn.zibo.livelihood.warehouse;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.validate.Figure;

/** Stages a submission's valid figures and promotes them to facts in one statement. */
@Component
public class Facts {

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	Facts(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
	}

	/** Figures new, changed from the department's previous value, and unchanged. */
	public record Counts(int figuresNew, int figuresUpdated, int figuresUnchanged) {

		public static final Counts NONE = new Counts(0, 0, 0);

		public int loaded() {
			return figuresNew + figuresUpdated + figuresUnchanged;
		}

	}

	/** Collects figures and writes them to staging in batches. */
	public Stager stager(long submissionId) {
		return new Stager(submissionId);
	}

	public Counts promote(long submissionId, String departmentCode) {
		return jdbc.sql("SELECT figures_new, figures_updated, figures_unchanged FROM warehouse.promote_submission(?, ?)")
			.params(submissionId, departmentCode)
			.query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	public void discard(long submissionId) {
		jdbc.sql("DELETE FROM staging.figure WHERE submission_id = ?").param(submissionId).update();
	}

	/** Buffers staged figures; remembers the periods the submission covers. */
	public final class Stager {

		private final long submissionId;

		private final List<Object[]> buffer = new ArrayList<>();

		private final java.util.Set<String> periods = new java.util.TreeSet<>();

		private Stager(long submissionId) {
			this.submissionId = submissionId;
		}

		public void add(Figure f) {
			periods.add(f.period().code());
			buffer.add(new Object[] { submissionId, f.indicatorCode(), f.taskNo(), f.districtCode(), f.period().code(),
					Date.valueOf(f.period().end()), f.value(), f.status() == null ? null : f.status().code(), f.remark(),
					f.reportedText(), f.reportedUnit(), f.sheet(), f.rowNo(), f.column() });
			if (buffer.size() >= BATCH) {
				flush();
			}
		}

		public void flush() {
			if (!buffer.isEmpty()) {
				jdbcTemplate.batchUpdate("""
						INSERT INTO staging.figure (submission_id, indicator_code, task_no, district_code, period, period_end,
						                            value, status, remark, reported_text, reported_unit, sheet, row_no, column_name)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", buffer);
				buffer.clear();
			}
		}

		public List<String> periods() {
			return List.copyOf(periods);
		}

	}

}
