package cn.zibo.livelihood.report.receipt;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zibo.livelihood.ingest.Inbox;
import cn.zibo.livelihood.report.RefusedPeriods;
import cn.zibo.livelihood.report.ViewWords;

/**
 * The receipt's words, the same in the workbook and the text version: the outcome and its counts,
 * where the original file went and what to do next; how the file was read; and last, under
 * 技术信息, what only an operator needs (the submission number, the file's fingerprint, problem
 * codes). Generated Chinese is punctuated full-width, as Chinese forms are.
 */
final class ReceiptText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The text receipt lists this many withheld figures; the workbook lists them all. */
	static final int MAX_WITHHELD_IN_TEXT = 200;

	static final String TECHNICAL = "技术信息（供运维人员核查，报送部门无需关注）";

	static final String READING = "读取方式（系统如何读取本文件）";

	private ReceiptText() {
	}

	static String title(ReceiptContent c) {
		return c.precheck() ? "民生重点任务数据预检回执（未入库）" : "民生重点任务数据报送回执";
	}

	static String outcome(ReceiptContent c) {
		return switch (c.status()) {
			case "loaded", "superseded" -> c.figuresInvalid() > 0 ? "部分入库" : "已入库";
			case "duplicate" -> "重复文件，未重复入库";
			case "precheck" -> c.errors().isEmpty() ? "预检通过：全部数值可以入库（本次为预检，未入库）" : "预检未通过（本次为预检，未入库）";
			default -> "未入库（退回）";
		};
	}

	/** The periods the file holds, or for a refused file those known from its figures and name. */
	static List<String> periods(ReceiptContent c) {
		if (!c.periods().isEmpty() || !c.rejectedWhole()) {
			return c.periods();
		}
		return RefusedPeriods.of(c.withheld().stream().map(ReceiptContent.Withheld::period).toList(), c.fileName());
	}

	/** The outcome block: what a clerk reads first. */
	static List<String[]> summary(ReceiptContent c) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "文件", Inbox.displayName(c.fileName()) });
		rows.add(new String[] { "报送部门", c.department() });
		rows.add(new String[] { c.precheck() ? "预检时间" : "收到时间", c.receivedAt().format(TIME) });
		rows.add(new String[] { "处理时间", c.processedAt() == null ? "" : c.processedAt().format(TIME) });
		rows.add(new String[] { "处理结果", outcome(c) });
		List<String> periods = periods(c);
		if (!periods.isEmpty()) {
			rows.add(new String[] { "报告期", String.join("、", periods.stream().map(ViewWords::period).toList())
					+ (c.periods().isEmpty() ? "（据文件中的数据和文件名判断）" : "") });
		}
		if (c.sheet() != null && c.reading().isEmpty() && !csv(c)) {
			rows.add(new String[] { "读取的工作表", c.sheet() });
		}
		rows.add(new String[] { "数值个数", count(c.figures()) });
		if (c.precheck()) {
			rows.add(new String[] { "可入库", count(c.figuresLoaded()) });
		}
		else {
			rows.add(new String[] { "入库", count(c.figuresLoaded()) + "（新增" + count(c.figuresNew()) + "，更新"
					+ count(c.figuresUpdated()) + "，未变" + count(c.figuresUnchanged()) + "）" });
		}
		rows.add(new String[] { "退回", count(c.figures() - c.figuresLoaded()) + (c.figuresWithheld() > 0 ? "（其中"
				+ count(c.figuresInvalid()) + "个有问题，" + count(c.figuresWithheld()) + "个本身无误但因整份文件退回而未入库）" : "") });
		rows.add(new String[] { "问题个数", count(c.errors().size()) + (c.errors().isEmpty() ? "" : "（逐条见问题清单）") });
		rows.add(new String[] { "原文件", original(c) });
		rows.add(new String[] { "下一步", nextStep(c) });
		return rows;
	}

	/** How the file was read, as label and text. */
	static List<String[]> reading(ReceiptContent c) {
		List<String[]> rows = new ArrayList<>();
		for (String line : c.reading()) {
			int colon = line.indexOf('：');
			rows.add(colon < 0 ? new String[] { "", line } : new String[] { line.substring(0, colon), line.substring(colon + 1) });
		}
		return rows;
	}

	/** What only an operator needs: kept apart, at the end. */
	static List<String[]> technical(ReceiptContent c) {
		List<String[]> rows = new ArrayList<>();
		if (c.submissionId() > 0) {
			rows.add(new String[] { "报送编号", String.valueOf(c.submissionId()) });
		}
		if (!c.sha256().isEmpty()) {
			rows.add(new String[] { "文件指纹（SHA-256）", c.sha256() });
		}
		if (c.archivePath() != null) {
			rows.add(new String[] { "存档位置", c.archivePath() });
		}
		Map<String, Integer> codes = new LinkedHashMap<>();
		c.errors().forEach(e -> codes.merge(e.code(), 1, Integer::sum));
		if (!codes.isEmpty()) {
			List<String> listed = new ArrayList<>();
			codes.forEach((code, n) -> listed.add(code + "（" + count(n) + "条）"));
			rows.add(new String[] { "问题代码", String.join("、", listed) });
		}
		return rows;
	}

	/** Where the original went: the inbox keeps only receipts once a file is taken. */
	static String original(ReceiptContent c) {
		if (c.precheck()) {
			return "仍在本文件夹中，系统没有移动它（预检只检查，不取走文件）。";
		}
		if (c.archivePath() == null) {
			return "系统没有读取或移动任何文件，链接仍留在原处。";
		}
		return "已从本文件夹取走，原样存入系统存档，未作任何改动；本文件夹中只留回执。如需调阅存档的原文件，请联系" + c.contact() + "。";
	}

	static String nextStep(ReceiptContent c) {
		if (c.precheck()) {
			return c.errors().isEmpty() ? "可以正式报送。预检不检查是否与已报送的文件重复，也不会替换已入库的数据。"
					: "请按“问题清单”逐条改正后再预检或正式报送。";
		}
		if ("duplicate".equals(c.status())) {
			return "该文件与第" + c.duplicateOf() + "号报送的文件完全相同，已按那次的结果处理，无需再次报送。";
		}
		if (c.errors().stream().anyMatch(e -> "symbolic_link".equals(e.code()))) {
			return "系统没有读取任何内容。请把文件本身（不是链接或快捷方式）放入本部门的文件夹后重新报送。";
		}
		if (c.errors().stream().anyMatch(e -> "unknown_department".equals(e.code()))) {
			return "请把文件放进本部门的文件夹后重新报送。";
		}
		if (c.rejectedWhole()) {
			return "本文件未入库。请按“问题清单”逐条改正后，把整个文件重新放入本文件夹。"
					+ ("partial".equals(c.policy()) ? "" : "文件需全部通过才会入库，一处有误则整份退回。");
		}
		if (c.figuresInvalid() > 0) {
			return "无误的数值已入库；有问题的数值未入库。请改正后重新报送整个文件，新文件将替换本部门该报告期的数据。";
		}
		return "无需操作。如需更正，修改后重新报送整个文件，新文件将替换本部门该报告期此前报送的数据。";
	}

	/** The sheet a problem or figure is on, for a workbook; a CSV file's one "sheet" is the file itself. */
	static String sheet(ReceiptContent c, String sheet) {
		return csv(c) ? null : sheet;
	}

	static String count(long n) {
		return String.format("%,d", n);
	}

	private static boolean csv(ReceiptContent c) {
		return c.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
	}

}
