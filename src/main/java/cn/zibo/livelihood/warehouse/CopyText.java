package cn.zibo.livelihood.warehouse;

import cn.zibo.livelihood.validate.Figure;

/**
 * A figure as one line of COPY's text format: tab-separated, {@code \N} for null, and
 * backslash, tab, newline and carriage return escaped, so a remark may hold any of them.
 */
final class CopyText {

	private CopyText() {
	}

	/** The columns {@link #row} writes for {@code warehouse.fact}, in order. */
	static final String FACT_COLUMNS = "submission_id, department_code, indicator_code, task_no, district_code, period,"
			+ " period_end, value, status, remark, reported_text, reported_unit, sheet, row_no, column_name";

	/** The columns {@link #row} writes for {@code staging.figure} (no department), in order. */
	static final String STAGING_COLUMNS = FACT_COLUMNS.replace(" department_code,", "");

	/** @param departmentCode null for staging, which has no department column */
	static void row(StringBuilder out, long submissionId, String departmentCode, Figure f) {
		out.append(submissionId).append('\t');
		if (departmentCode != null) {
			field(out, departmentCode);
		}
		field(out, f.indicatorCode());
		out.append(f.taskNo()).append('\t');
		field(out, f.districtCode());
		field(out, f.period().code());
		field(out, f.period().end().toString());
		field(out, f.value() == null ? null : f.value().toString());
		field(out, f.status() == null ? null : f.status().code());
		field(out, f.remark());
		field(out, f.reportedText());
		field(out, f.reportedUnit());
		field(out, f.sheet());
		out.append(f.rowNo()).append('\t');
		last(out, f.column());
	}

	private static void field(StringBuilder out, String value) {
		last(out, value);
		out.setCharAt(out.length() - 1, '\t');
	}

	private static void last(StringBuilder out, String value) {
		if (value == null) {
			out.append("\\N");
		}
		else {
			for (int i = 0; i < value.length(); i++) {
				char ch = value.charAt(i);
				switch (ch) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(ch);
				}
			}
		}
		out.append('\n');
	}

}
