package cn.zibo.livelihood.report.receipt;

import cn.zibo.livelihood.report.ViewWords;

/** The text receipt: the workbook's words in the same order, for a clerk without a spreadsheet program. */
final class ReceiptPlainText {

	private ReceiptPlainText() {
	}

	static String of(ReceiptContent c) {
		StringBuilder text = new StringBuilder(ReceiptText.title(c)).append("\n\n");
		for (String[] row : ReceiptText.summary(c)) {
			text.append(row[0]).append('：').append(row[1]).append('\n');
		}
		if (!c.reading().isEmpty()) {
			text.append('\n').append(ReceiptText.READING).append("：\n");
			for (String[] row : ReceiptText.reading(c)) {
				text.append("  ").append(row[0]).append(row[0].isEmpty() ? "" : "：").append(row[1]).append('\n');
			}
		}
		if (!c.errors().isEmpty()) {
			text.append("\n问题清单：\n");
			int n = 1;
			for (ReceiptContent.Error e : c.errors()) {
				String sheet = ReceiptText.sheet(c, e.sheet());
				text.append(n++).append(". ").append(sheet == null ? "" : "工作表“" + sheet + "”：")
					.append(e.message()).append('\n');
			}
		}
		if (!c.withheld().isEmpty()) {
			text.append("\n未入库的无误数值（").append(ReceiptContent.WITHHELD_REASON).append("）：\n");
			c.withheld().stream().limit(ReceiptText.MAX_WITHHELD_IN_TEXT).forEach(w -> text.append("- ")
				.append(ReceiptText.sheet(c, w.sheet()) == null ? "" : "工作表“" + w.sheet() + "”").append("第").append(w.rowNo()).append("行「")
				.append(w.column()).append("」列 ").append(w.indicatorCode()).append(' ').append(w.district()).append(' ')
				.append(ViewWords.period(w.period())).append(" = ").append(w.written()).append('\n'));
			if (c.withheld().size() > ReceiptText.MAX_WITHHELD_IN_TEXT) {
				text.append("（共").append(ReceiptText.count(c.figuresWithheld())).append("个，其余见回执表格的“未入库数据”工作表）\n");
			}
		}
		text.append('\n').append(ReceiptText.TECHNICAL).append("：\n");
		for (String[] row : ReceiptText.technical(c)) {
			text.append("  ").append(row[0]).append('：').append(row[1]).append('\n');
		}
		text.append("\n详细内容见同名的回执表格（.xlsx）。\n");
		return text.toString();
	}

}
