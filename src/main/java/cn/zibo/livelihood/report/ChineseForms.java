package cn.zibo.livelihood.report;

import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.validate.Period;

/** How periods and districts are written on the forms the pipeline makes, as Chinese government forms write them. */
public final class ChineseForms {

	private ChineseForms() {
	}

	/** 2024年度, 2024年上半年, 2024年第三季度, 2024年7月. */
	public static String period(Period period) {
		return period.chinese();
	}

	/** 全市, 张店区, 高新区: a zone's full name is long, so its short name. */
	public static String district(District district) {
		return switch (district.kind()) {
			case "district", "county" -> district.name();
			default -> district.code().equals(District.CITY_CODE) ? "全市" : district.shortName();
		};
	}

}
