package cn.zibo.livelihood.report.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.report.WorkbookFile;
import cn.zibo.livelihood.validate.Period;

/** The consolidated progress workbook of a period, read from the reporting views and written to a file. */
@Component
public class ProgressReports {

	private final ProgressReportReader reader;

	ProgressReports(ProgressReportReader reader) {
		this.reader = reader;
	}

	/** What the period's workbook shows, read from the reporting views. */
	public ProgressReport read(Period period) {
		return reader.read(period);
	}

	/** Writes the report to {@code file}, through a temporary name beside it. */
	public void write(ProgressReport report, Path file) throws IOException {
		WorkbookFile.write(file, out -> ProgressWorkbook.write(report, out));
	}

	/** Writes the report's workbook to a stream (a download), the same workbook as {@link #write(ProgressReport, Path)}. */
	public void write(ProgressReport report, OutputStream out) throws IOException {
		ProgressWorkbook.write(report, out);
	}

}
