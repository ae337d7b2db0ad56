package cn.zibo.livelihood.ops;

import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.validate.Period;

/** Periods and the city as the commands write them, as the workbook does: 2024年第三季度, 全市. */
final class Places {

	private Places() {
	}

	/** 2024年第三季度 for 2024Q3; the text as it is when it is not a period. */
	static String period(String code) {
		return code == null ? "" : Period.parse(code).map(ChineseForms::period).orElse(code);
	}

	/** 全市 for the city as a whole (淄博市, 370300), the district's name otherwise. */
	static String district(String name) {
		return name == null || "淄博市".equals(name) || "370300".equals(name) ? "全市" : name;
	}

}
