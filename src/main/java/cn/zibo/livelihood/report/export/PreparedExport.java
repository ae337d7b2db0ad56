package cn.zibo.livelihood.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An export checked and ready to write: its file name, and its rows streamed to a file or a response. */
public final class PreparedExport {

	private final JdbcClient jdbc;

	private final ExportFormat format;

	private final String title;

	private final String fileName;

	private final List<ExportColumn> columns;

	private final String sql;

	private final Map<String, Object> params;

	PreparedExport(JdbcClient jdbc, ExportFormat format, String title, String fileName, List<ExportColumn> columns,
			String sql, Map<String, Object> params) {
		this.jdbc = jdbc;
		this.format = format;
		this.title = title;
		this.fileName = fileName;
		this.columns = List.copyOf(columns);
		this.sql = sql;
		this.params = Collections.unmodifiableMap(new HashMap<>(params));
	}

	/** 指标数值_2024Q3.csv: the view's Chinese name and the filters given. */
	public String fileName() {
		return fileName;
	}

	public ExportFormat format() {
		return format;
	}

	/** @return the rows written */
	public long writeTo(OutputStream out) throws IOException {
		ExportSink sink = format == ExportFormat.CSV ? new CsvSink(out) : new XlsxSink(out, title);
		sink.header(columns.stream().map(ExportColumn::header).toList());
		long[] rows = { 0 };
		try {
			jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> {
				List<Object> values = new ArrayList<>(columns.size());
				for (ExportColumn column : columns) {
					values.add(column.value(rs));
				}
				try {
					sink.row(values);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				rows[0]++;
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		sink.finish();
		return rows[0];
	}

}
