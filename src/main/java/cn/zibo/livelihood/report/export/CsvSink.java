package cn.zibo.livelihood.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel on a Chinese system opens it: UTF-8 with a byte order mark (without it Excel reads
 * the bytes as GBK), commas, CRLF, quotes where needed. A text that starts like a formula gets
 * Excel's leading apostrophe, as the workbooks' text cells are marked.
 */
final class CsvSink implements ExportSink {

	static final char BOM = '\uFEFF';

	private final Writer writer;

	private final CSVPrinter csv;

	CsvSink(OutputStream out) throws IOException {
		this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(BOM);
		this.csv = new CSVPrinter(writer, CSVFormat.EXCEL);
	}

	@Override
	public void header(List<String> headers) throws IOException {
		csv.printRecord(headers);
	}

	@Override
	public void row(List<Object> values) throws IOException {
		List<String> cells = new ArrayList<>(values.size());
		for (Object value : values) {
			if (value == null) {
				cells.add("");
			}
			else if (value instanceof BigDecimal number) {
				cells.add(number.toPlainString());
			}
			else {
				String text = value.toString();
				cells.add(ExportSink.formulaLike(text) ? "'" + text : text);
			}
		}
		csv.printRecord(cells);
	}

	@Override
	public void finish() throws IOException {
		csv.flush();
	}

}
