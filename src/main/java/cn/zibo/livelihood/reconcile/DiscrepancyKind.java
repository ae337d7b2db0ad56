package cn.zibo.livelihood.reconcile;

/**
 * The kinds of finding in {@code reporting.discrepancy} ({@code kind}, CONTRACT.md section 6), with
 * the names the city office uses for them, for the operator's command line and page.
 */
public enum DiscrepancyKind {

	CO_LEAD_MISMATCH("co_lead_mismatch", "牵头部门数值不一致"),

	DISTRICT_SUM_MISMATCH("district_sum_mismatch", "区县合计与全市不符"),

	CUMULATIVE_DECREASE("cumulative_decrease", "累计值下降"),

	OUTLIER("outlier", "异常值");

	private final String code;

	private final String chineseName;

	DiscrepancyKind(String code, String chineseName) {
		this.code = code;
		this.chineseName = chineseName;
	}

	/** As the view writes it. */
	public String code() {
		return code;
	}

	public String chineseName() {
		return chineseName;
	}

	/** The Chinese name of a kind as the view writes it; the code itself for a kind this enum does not know. */
	public static String chineseNameOf(String code) {
		for (DiscrepancyKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind.chineseName;
			}
		}
		return code;
	}

}
