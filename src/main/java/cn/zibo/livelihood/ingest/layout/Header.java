package cn.zibo.livelihood.ingest.layout;

import java.util.List;
import java.util.Map;

import cn.zibo.livelihood.validate.Problem;

/**
 * A sheet's header: its rows, which column holds which field, and the value columns of a
 * district-wide or period-wide table (empty when a value column holds every figure).
 *
 * @param names every column read, by column, with its heading as written
 * @param units a unit in brackets in a field column's heading, by column
 * @param ignored headings of columns that hold nothing read (目标值, 完成率 …)
 * @param yearFrom where yearless period headings took their year from, or null
 * @param yearless period headings no year was found for (each with a problem)
 */
record Header(int top, int bottom, Map<Field, Integer> fields, Map<Integer, String> names, Map<Integer, String> units,
		List<ValueColumn> values, List<String> ignored, String yearFrom, int yearless, List<Problem> problems) {

	/** A header names the indicator, and its values: a value column, or district or period columns. */
	boolean qualifies() {
		boolean indicator = fields.containsKey(Field.TASK) || fields.containsKey(Field.INDICATOR_CODE)
				|| fields.containsKey(Field.INDICATOR_NAME);
		return indicator && (fields.containsKey(Field.VALUE) || values.size() + yearless >= 2 || yearless > 0
				|| values.stream().anyMatch(v -> v.period() != null));
	}

	boolean valueColumn() {
		return fields.containsKey(Field.VALUE);
	}

	String name(Field field) {
		Integer column = fields.get(field);
		return column == null ? "" : names.get(column);
	}

}
