package cn.zibo.livelihood.validate;

import java.math.BigDecimal;

/**
 * A checked figure, ready to load: in the indicator's unit, for a known district and period.
 * Exactly one of {@code value} and {@code status} is set.
 */
public record Figure(String sheet, int rowNo, String column, String indicatorCode, int taskNo, String districtCode,
		Period period, BigDecimal value, Status status, String remark, String reportedText, String reportedUnit) {
}
