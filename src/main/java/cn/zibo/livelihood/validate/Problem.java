package cn.zibo.livelihood.validate;

/**
 * Something wrong with a submission, where a person can find it.
 *
 * @param rowNo the row as Excel or a text editor numbers it; null for the whole file
 * @param column the header as written in the file, or null
 * @param value the cell as written, or null
 * @param code stable machine code (not_a_number, unknown_indicator …)
 * @param message Chinese, saying what is wrong and what to do
 */
public record Problem(String sheet, Integer rowNo, String column, String value, String code, String message) {

	public static Problem ofFile(String code, String message) {
		return new Problem(null, null, null, null, code, message);
	}

}
