package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.zibo.livelihood.report.chase.ChaseList;
import cn.zibo.livelihood.report.chase.Chases;
import cn.zibo.livelihood.validate.Period;

/**
 * 催报: for a period (unless chosen, the latest with figures, else the latest past its due date), the departments
 * that still owe figures and what they owe, a reminder to copy for each, and the list as a workbook.
 * Operators only.
 */
@ServeOnly
@Controller
class ChasePage {

	private final PeriodBook book;

	private final Chases chases;

	ChasePage(PeriodBook book, Chases chases) {
		this.book = book;
		this.chases = chases;
	}

	@GetMapping("/chase")
	String chase(@RequestParam(required = false) String period, Model model) {
		List<PeriodBook.Row> rows = book.rows();
		model.addAttribute("rows", rows);
		Period chosen = chosen(period, rows);
		if (chosen == null) {
			model.addAttribute("problem", "没有这个报告期：“" + period.strip() + "”。请从列表中选择报告期。");
			return "chase";
		}
		model.addAttribute("rows", PeriodBook.including(rows, chosen));
		ChaseList list = chases.read(chosen);
		Map<String, String> reminders = new LinkedHashMap<>();
		list.departments().forEach(owing -> reminders.put(owing.code(), chases.reminder(list, owing)));
		model.addAttribute("chosen", chosen.code());
		model.addAttribute("list", list);
		model.addAttribute("reminders", reminders);
		model.addAttribute("reminderTitle", chases.reminderTitle(list));
		return "chase";
	}

	@GetMapping("/chase.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String period) throws IOException {
		Period chosen = chosen(period, book.rows());
		if (chosen == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "不是有效的报告期：“" + period.strip() + "”。");
		}
		ChaseList list = chases.read(chosen);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		chases.writeWorkbook(list, bytes);
		return ResponseEntity.ok()
			.contentType(ReceiptDownload.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("催报清单_" + list.periodName() + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes.toByteArray());
	}

	/** The period asked for; else the latest with figures or due, else the calendar's latest; null when not a period. */
	private static Period chosen(String period, List<PeriodBook.Row> rows) {
		if (period == null || period.isBlank()) {
			return PeriodBook.latestWithDataOrDue(rows)
				.or(() -> rows.stream().findFirst())
				.map(PeriodBook.Row::period)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "报告日历中没有报告期。"));
		}
		return Period.parse(period).orElse(null);
	}

}
