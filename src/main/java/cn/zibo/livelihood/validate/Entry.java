package cn.zibo.livelihood.validate;

/**
 * One figure as the file wrote it, before any checking: the texts of the cells that make it and the
 * headers they stand under. A district-wide row gives one entry per district column.
 *
 * @param district the district cell, or the district column's header in a district-wide layout
 * @param districtColumn true when {@code district} comes from a column header
 * @param valueUnit a unit written in the value column's header ({@code 数值(万元)}), or ""
 */
public record Entry(String sheet, int rowNo, Cell task, Cell indicatorCode, Cell indicatorName, Cell district,
		boolean districtColumn, Cell period, Cell value, String valueUnit, Cell unit, Cell remark, Cell department) {

	/** A cell's text under its header; both empty when the file has no such column. */
	public record Cell(String header, String text) {

		public static final Cell NONE = new Cell("", "");

		public boolean isBlank() {
			return text == null || text.isBlank();
		}

	}

}
