package cn.zibo.livelihood.catalogue;

/** How a figure relates to time, which decides how it is compared with its target. */
public enum Basis {

	/** Running total since 2022-01-01 (三年…, 到2024年新增…). */
	CUMULATIVE,
	/** Amount within each calendar year (每年…). */
	ANNUAL,
	/** A rate or stock measured at the period's end (占比, 率, 每千人…). */
	LEVEL,
	/** The {@code -00} progress indicator of a task: 未启动, 推进中, 已完成, 滞后. */
	STATUS;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static Basis ofCode(String code) {
		for (Basis basis : values()) {
			if (basis.code().equals(code)) {
				return basis;
			}
		}
		throw new IllegalArgumentException("basis must be one of cumulative, annual, level; was '" + code + "'");
	}

}
