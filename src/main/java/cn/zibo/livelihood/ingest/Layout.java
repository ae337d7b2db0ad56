package cn.zibo.livelihood.ingest;

import java.util.Map;

import cn.zibo.livelihood.validate.HeaderText;

/**
 * Where the data of a file is: the sheet whose header matches, the header row, which column holds
 * which field, and, in a district-wide layout, which column holds which district's values.
 *
 * @param headers every header cell as written, by column
 * @param districtColumns district code by column, for a district-wide layout (empty otherwise)
 * @param titleText the text of the rows above the header, where a period may be written
 */
record Layout(String sheet, int headerRowNo, Map<Field, Integer> columns, Map<Integer, String> headers,
		Map<Integer, String> districtColumns, String titleText) {

	public boolean districtWide() {
		return !columns.containsKey(Field.VALUE);
	}

	public String header(Field field) {
		Integer column = columns.get(field);
		return column == null ? "" : headers.get(column);
	}

	/** A unit written in brackets after a header, e.g. 万元 in 数值(万元). */
	public String headerUnit(int column) {
		return HeaderText.of(headers.getOrDefault(column, "")).unit();
	}

}
