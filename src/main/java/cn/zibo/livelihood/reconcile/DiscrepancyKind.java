package cn.zibo.livelihood.reconcile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of finding in {@code reporting.discrepancy} ({@code kind}, CONTRACT.md section 6), with
 * the names the city office uses for them, and for the departments what a finding of the kind means
 * and what to do about it (the department page).
 */
public enum DiscrepancyKind {

	CO_LEAD_MISMATCH("co_lead_mismatch", "牵头部门数值不一致",
			"同一指标、同一区县、同一报告期，共同牵头的部门报送的数值不一致；汇总暂采用排名最前的牵头部门的数值。",
			"请与其他牵头部门核对；填报有误的一方改正后，重新报送该报告期的整个文件。"),

	DISTRICT_SUM_MISMATCH("district_sum_mismatch", "区县合计与全市不符",
			"各区县数值之和与全市数值不符：超过全市数，或各区县均已报送而合计仍少于全市数。",
			"请核对全市数和各区县数，改正后重新报送该报告期的整个文件。"),

	CUMULATIVE_DECREASE("cumulative_decrease", "累计值下降",
			"累计值比上一报告期减少。累计值是自2022年1月1日起的累计数，只增不减。",
			"请核对两期数据，改正有误的一期后重新报送；确属统计口径调整的，请向汇总部门说明。"),

	OUTLIER("outlier", "异常值",
			"数值明显偏离该指标以往的水平，常见原因是单位（万、亿）或小数点有误。",
			"请核对数值、单位和小数点，有误的改正后重新报送；数值无误的，请向汇总部门说明。");

	private final String code;

	private final String chineseName;

	private final String meaning;

	private final String action;

	DiscrepancyKind(String code, String chineseName, String meaning, String action) {
		this.code = code;
		this.chineseName = chineseName;
		this.meaning = meaning;
		this.action = action;
	}

	/** As the view writes it. */
	public String code() {
		return code;
	}

	public String chineseName() {
		return chineseName;
	}

	/** What a finding of this kind means, for the department it names. */
	public String meaning() {
		return meaning;
	}

	/** What the department does about it. */
	public String action() {
		return action;
	}

	public static Optional<DiscrepancyKind> of(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}

	/** The Chinese name of a kind as the view writes it; the code itself for a kind this enum does not know. */
	public static String chineseNameOf(String code) {
		return of(code).map(DiscrepancyKind::chineseName).orElse(code);
	}

}
