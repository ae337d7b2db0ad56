package cn.zibo.livelihood.report.export;

import cn.zibo.livelihood.validate.Period;

/**
 * Which rows an export holds; every part optional (null).
 *
 * @param period one reporting period
 * @param task one task, 1..113
 * @param districtCode one district, by its code
 * @param indicator one indicator code
 * @param department a department user's department code: only its rows; null for an operator
 */
public record ExportFilter(Period period, Integer task, String districtCode, String indicator, String department) {

	public static final ExportFilter ALL = new ExportFilter(null, null, null, null, null);

	/** For the file's name: {@code 2024Q3}, {@code 任务69}, … joined, or nothing. */
	String suffix() {
		StringBuilder suffix = new StringBuilder();
		if (period != null) {
			suffix.append('_').append(period.code());
		}
		if (task != null) {
			suffix.append("_任务").append(task);
		}
		if (districtCode != null) {
			suffix.append('_').append(districtCode);
		}
		if (indicator != null) {
			suffix.append('_').append(indicator);
		}
		return suffix.toString();
	}

}
