package cn.zibo.livelihood.report.receipt;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.zibo.livelihood.ingest.Inbox;

/**
 * The receipt's words: how the file was read, the outcome, the counts, every problem, every figure
 * rejected only because the file was, and what to do next.
 */
final class ReceiptText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The text receipt lists this many withheld figures; the workbook lists them all. */
	static final int MAX_WITHHELD_IN_TEXT = 200;

	private ReceiptText() {
	}

	static String outcome(ReceiptContent c) {
		return switch (c.status()) {
			case "loaded", "superseded" -> c.figuresInvalid() > 0 ? "部分入库" : "已入库";
			case "duplicate" -> "重复文件,未重复入库";
			case "precheck" -> c.errors().isEmpty() ? "预检通过:全部数值可以入库(本次为预检,未入库)" : "预检未通过(本次为预检,未入库)";
			default -> "未入库(退回)";
		};
	}

	static List<String[]> summary(ReceiptContent c) {
		List<String[]> rows = new ArrayList<>();
		if (c.submissionId() > 0) {
			rows.add(new String[] { "报送编号", String.valueOf(c.submissionId()) });
		}
		rows.add(new String[] { "文件", Inbox.displayName(c.fileName()) });
		rows.add(new String[] { "报送部门", c.department() });
		rows.add(new String[] { "precheck".equals(c.status()) ? "预检时间" : "收到时间", c.receivedAt().format(TIME) });
		rows.add(new String[] { "处理时间", c.processedAt() == null ? "" : c.processedAt().format(TIME) });
		rows.add(new String[] { "处理结果", outcome(c) });
		if (!c.periods().isEmpty()) {
			rows.add(new String[] { "报告期", String.join("、", c.periods()) });
		}
		if (c.sheet() != null && c.reading().isEmpty()) {
			rows.add(new String[] { "读取的工作表", c.sheet() });
		}
		rows.add(new String[] { "数值个数", String.valueOf(c.figures()) });
		if ("precheck".equals(c.status())) {
			rows.add(new String[] { "可入库", String.valueOf(c.figuresLoaded()) });
		}
		else {
			rows.add(new String[] { "入库", c.figuresLoaded() + "(新增 " + c.figuresNew() + ",更新 " + c.figuresUpdated() + ",未变 "
					+ c.figuresUnchanged() + ")" });
		}
		rows.add(new String[] { "退回", String.valueOf(c.figures() - c.figuresLoaded()) + (c.figuresWithheld() > 0
				? "(其中 " + c.figuresInvalid() + " 个有问题," + c.figuresWithheld() + " 个本身无误但因整份文件退回而未入库)" : "") });
		rows.add(new String[] { "问题个数", String.valueOf(c.errors().size()) });
		if (!c.sha256().isEmpty()) {
			rows.add(new String[] { "文件指纹(SHA-256)", c.sha256() });
		}
		rows.add(new String[] { "下一步", nextStep(c) });
		return rows;
	}

	/**
	 * How the file was read, as label and text: the sheets, the header rows, which column became which
	 * field, the layout, and where the period, district and unit came from.
	 */
	static List<String[]> reading(ReceiptContent c) {
		List<String[]> rows = new ArrayList<>();
		for (String line : c.reading()) {
			int colon = line.indexOf('：');
			rows.add(colon < 0 ? new String[] { "", line } : new String[] { line.substring(0, colon), line.substring(colon + 1) });
		}
		return rows;
	}

	static String nextStep(ReceiptContent c) {
		if ("precheck".equals(c.status())) {
			return c.errors().isEmpty() ? "可以正式报送。预检不检查是否与已报送的文件重复,也不会替换已入库的数据。"
					: "请按“问题清单”逐条改正后再预检或正式报送。";
		}
		if ("duplicate".equals(c.status())) {
			return "该文件与第" + c.duplicateOf() + "号报送的文件完全相同,已按那次的结果处理,无需再次报送。";
		}
		if (c.errors().stream().anyMatch(e -> "symbolic_link".equals(e.code()))) {
			return "系统没有读取任何内容。请把文件本身(不是链接或快捷方式)放入本部门的文件夹后重新报送。";
		}
		if (c.errors().stream().anyMatch(e -> "unknown_department".equals(e.code()))) {
			return "请把文件放进本部门的文件夹后重新报送。";
		}
		if (c.rejectedWhole()) {
			return "本文件未入库。请按“问题清单”逐条改正后,把整个文件重新放入本文件夹。"
					+ ("partial".equals(c.policy()) ? "" : "文件需全部通过才会入库,一处有误则整份退回。");
		}
		if (c.figuresInvalid() > 0) {
			return "无误的数值已入库;有问题的数值未入库。请改正后重新报送整个文件,新文件将替换本部门该报告期的数据。";
		}
		return "无需操作。如需更正,修改后重新报送整个文件,新文件将替换本部门该报告期此前报送的数据。";
	}

	static String plain(ReceiptContent c) {
		StringBuilder text = new StringBuilder("precheck".equals(c.status()) ? "预检回执:民生重点任务数据报送(未入库)\n\n"
				: "回执:民生重点任务数据报送\n\n");
		if (!c.reading().isEmpty()) {
			text.append("读取方式(系统如何读取本文件):\n");
			for (String[] row : reading(c)) {
				text.append("  ").append(row[0]).append("：").append(row[1]).append('\n');
			}
			text.append('\n');
		}
		for (String[] row : summary(c)) {
			text.append(row[0]).append(":").append(row[1]).append('\n');
		}
		if (!c.errors().isEmpty()) {
			text.append("\n问题清单:\n");
			int n = 1;
			for (ReceiptContent.Error e : c.errors()) {
				text.append(n++).append(". ").append(e.sheet() == null ? "" : "[" + e.sheet() + "] ").append(e.message()).append('\n');
			}
		}
		if (!c.withheld().isEmpty()) {
			text.append("\n未入库的无误数值(").append(ReceiptContent.WITHHELD_REASON).append("):\n");
			c.withheld().stream().limit(MAX_WITHHELD_IN_TEXT).forEach(w -> text.append("- ")
				.append(w.sheet() == null ? "" : "[" + w.sheet() + "] ").append("第").append(w.rowNo()).append("行「")
				.append(w.column()).append("」列 ").append(w.indicatorCode()).append(' ').append(w.district()).append(' ')
				.append(w.period()).append(" = ").append(w.written()).append('\n'));
			if (c.withheld().size() > MAX_WITHHELD_IN_TEXT) {
				text.append("(共").append(c.figuresWithheld()).append("个,其余见回执表格的“未入库数据”工作表)\n");
			}
		}
		text.append("\n详细内容见同名的回执表格(.xlsx)。\n");
		return text.toString();
	}

}
