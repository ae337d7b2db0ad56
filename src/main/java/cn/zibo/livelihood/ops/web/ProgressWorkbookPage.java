package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.report.progress.ProgressReport;
import cn.zibo.livelihood.report.progress.ProgressReports;
import cn.zibo.livelihood.validate.Period;

/**
 * 进展报表: the consolidated progress workbook of a chosen period, the one {@code report} writes, as a
 * download. The form offers every period, the latest with figures (else the latest past its due date) first chosen.
 * Operators only.
 */
@ServeOnly
@Controller
class ProgressWorkbookPage {

	private final PeriodBook book;

	private final ProgressReports reports;

	ProgressWorkbookPage(PeriodBook book, ProgressReports reports) {
		this.book = book;
		this.reports = reports;
	}

	@GetMapping("/report")
	String form(Model model) {
		List<PeriodBook.Row> rows = book.rows();
		model.addAttribute("rows", rows);
		model.addAttribute("chosen", PeriodBook.latestWithDataOrDue(rows).map(PeriodBook.Row::code).orElse(null));
		return "report";
	}

	@GetMapping("/report/progress.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String period) throws IOException {
		Period chosen = chosen(period);
		ProgressReport report = reports.read(chosen);
		// whole before the first byte goes out: a failure then answers an error page, not half a file
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		reports.write(report, bytes);
		return ResponseEntity.ok()
			.contentType(ReceiptDownload.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("进展情况汇总表_" + ClerkWords.INSTANCE.period(chosen.code()) + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes.toByteArray());
	}

	/** The period asked for, else the latest with figures or due. */
	private Period chosen(String period) {
		if (period == null || period.isBlank()) {
			return PeriodBook.latestWithDataOrDue(book.rows())
				.map(PeriodBook.Row::period)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有可供汇总的报告期。"));
		}
		return Period.parse(period)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "不是有效的报告期：“" + period.strip() + "”。"));
	}

}
