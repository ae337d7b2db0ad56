package cn.zibo.livelihood.ingest.layout;

import java.util.Locale;

/** What a column of a submission holds (CONTRACT.md section 4). */
public enum Field {

	TASK, INDICATOR_CODE, INDICATOR_NAME, DISTRICT, PERIOD, VALUE, UNIT, REMARK, DEPARTMENT;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Field ofKey(String key) {
		for (Field field : values()) {
			if (field.key().equals(key)) {
				return field;
			}
		}
		throw new IllegalArgumentException("unknown field '" + key + "'; fields are task, indicator_code, "
				+ "indicator_name, district, period, value, unit, remark, department");
	}

}
