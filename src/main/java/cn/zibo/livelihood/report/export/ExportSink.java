package cn.zibo.livelihood.report.export;

import java.io.IOException;
import java.util.List;

/** Where an export's rows go, one at a time, so that a large export never sits in memory whole. */
interface ExportSink {

	void header(List<String> headers) throws IOException;

	/** Texts and numbers (BigDecimal), null for an empty cell. */
	void row(List<Object> values) throws IOException;

	void finish() throws IOException;

	/**
	 * Text Excel would take for a formula if a person typed it ({@code =HYPERLINK(…)} in a remark):
	 * departments' words are shown as written, never run.
	 */
	static boolean formulaLike(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
	}

}
