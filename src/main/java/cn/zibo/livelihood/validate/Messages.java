package cn.zibo.livelihood.validate;

import java.util.List;

import cn.zibo.livelihood.validate.Entry.Cell;

/** Writes problems of one entry the way a clerk reads them: 第12行「完成值」列的值“约一百”不是数字。 */
final class Messages {

	private final Entry entry;

	private final List<Problem> problems;

	Messages(Entry entry, List<Problem> problems) {
		this.entry = entry;
		this.problems = problems;
	}

	void problem(Cell cell, String code, String text) {
		String where = "第" + entry.rowNo() + "行" + (cell.header().isEmpty() ? "" : "「" + cell.header() + "」列");
		String message = where + (text.startsWith("值") || text.startsWith("单位") || text.startsWith("报告期")
				|| text.startsWith("区县") || text.startsWith("填报单位") ? "的" : "：") + text + "。";
		problems.add(new Problem(entry.sheet(), entry.rowNo(), cell.header().isEmpty() ? null : cell.header(),
				cell.header().isEmpty() ? null : cell.text(), code, message));
	}

}
