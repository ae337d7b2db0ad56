package cn.zibo.livelihood.bench;

import java.util.List;

/**
 * The benchmark's rows, in the long layout of CONTRACT.md section 4: one figure per row, for one
 * department's real catalogue indicators (numbers and 任务进展 status rows), all 12 districts, and
 * consecutive periods: months from 2000-01 on, then quarters when a size needs more keys than
 * 100 years of months hold. Every row is a distinct (indicator, district, period), so the whole file
 * is valid and loads; row {@code i} is always the same row, whatever the size asked for.
 *
 * @param folder the department's inbox folder
 * @param indicators the department's indicators, in catalogue order
 * @param districts the 12 districts as people write them
 */
record BenchRows(String folder, List<Indicator> indicators, List<String> districts) {

	public static final List<String> HEADERS = List.of("指标编码", "指标名称", "区县", "报告期", "数值", "单位", "备注");

	private static final String[] STATUSES = { "推进中", "已完成", "未启动", "滞后" };

	private static final int MONTHS = 100 * 12;

	/** A catalogue indicator; {@code unit} is null for a status indicator. */
	public record Indicator(String code, String name, String unit) {

		boolean isStatus() {
			return code.endsWith("-00");
		}

	}

	/** One row; {@code number} is set for a figure, {@code text} (a status word) for a status row. */
	public record Row(String code, String name, String district, String period, Double number, String text,
			String unit, String remark) {

		/** The value as a clerk would type it in a CSV file. */
		public String value() {
			return number != null ? plain(number) : text;
		}

		public List<String> cells() {
			return List.of(code, name, district, period, value(), unit == null ? "" : unit, remark == null ? "" : remark);
		}

	}

	public int keysPerPeriod() {
		return indicators.size() * districts.size();
	}

	/** How many rows the key space holds: 1,200 months and 400 quarters. */
	public long capacity() {
		return (long) keysPerPeriod() * (MONTHS + 400);
	}

	public Row row(long i) {
		int perPeriod = keysPerPeriod();
		int periodIndex = (int) (i / perPeriod);
		int within = (int) (i % perPeriod);
		Indicator indicator = indicators.get(within / districts.size());
		String district = districts.get(within % districts.size());
		long h = mix(i);
		if (indicator.isStatus()) {
			String status = STATUSES[(int) (h & 3)];
			return new Row(indicator.code(), indicator.name(), district, period(periodIndex), null, status, null,
					"第" + (h % 97 + 1) + "项工作" + status);
		}
		double number = "%".equals(indicator.unit()) ? (h % 10_000) / 100.0 : (h % 10_000_000) / 100.0;
		return new Row(indicator.code(), indicator.name(), district, period(periodIndex), number, null, indicator.unit(),
				null);
	}

	static String period(int index) {
		if (index < MONTHS) {
			return String.format("%d-%02d", 2000 + index / 12, index % 12 + 1);
		}
		int quarter = index - MONTHS;
		return (2000 + quarter / 4) + "Q" + (quarter % 4 + 1);
	}

	/** SplitMix64's finaliser: a fixed, well-spread value per row. */
	private static long mix(long i) {
		long z = i * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return (z ^ (z >>> 31)) >>> 1;
	}

	private static String plain(double number) {
		return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
	}

}
