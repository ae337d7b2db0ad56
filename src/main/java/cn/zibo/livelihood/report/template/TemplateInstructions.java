package cn.zibo.livelihood.report.template;

import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.report.ChineseForms;
import cn.zibo.livelihood.report.Sheets;

/**
 * The instructions sheet 「填报说明」, one paragraph per row in a single column: a row with one cell can
 * never look like a header row to the ingest, which looks for a header on every sheet.
 */
final class TemplateInstructions {

	static final String NAME = "填报说明";

	/** In characters: narrow enough for portrait A4 at full size, as not every program shrinks a sheet to fit. */
	private static final int WIDTH = 88;

	private TemplateInstructions() {
	}

	static List<String> lines(Template t) {
		Department d = t.department();
		String period = ChineseForms.period(t.period());
		return Stream.of(t.title(), "填报说明", "一、填写什么",
				"1. 本文件是" + d.name() + period + "民生重点任务进展填报模板，列出本部门牵头（含共同牵头）的" + t.taskCount() + "项任务的"
						+ t.indicatorCount() + "个指标，其中每项任务都有一行“任务进展”（指标编码以-00结尾）。",
				"2. 只填写“填报”工作表中黄色的“数值”和“备注”两列。灰色各列（任务编号、指标编码、指标名称、区县、报告期、单位，以及目标值、统计口径、截止日期等参考信息）"
						+ "来自任务清单，已锁定。工作表保护没有设置密码，但请不要解除保护、增删列、修改表头或工作表名称，否则系统可能无法识别。",
				"3. 可以加总的指标（如新建数量、人数、金额）分“全市”和各区县（含高新区、经济开发区、文昌湖区）各占一行：全市行填全市合计，区县行填本区县的数；"
						+ "不掌握区县数据的，可以只填全市行。比率、人均等不能加总的指标只有“全市”一行。",
				"二、怎么填数值",
				"4. 填写阿拉伯数字，并按“单位”列的单位填写（如单位为“元”，2.1亿元请填210000000）。不要写“约”“左右”“以上”等文字，也不要带单位。",
				"5. 单位为%的指标填0至100之间的数，如65表示65%。",
				"6. 统计口径为“累计”的，填自2022年1月1日起至报告期末的累计数；“年度”的，填当年1月1日起至报告期末的数；“期末值”的，填报告期末的水平。",
				"7. 任务进展行从下拉列表选择“未启动”“推进中”“已完成”“滞后”之一，并在“备注”中简要写明进展情况、存在问题和下一步打算。",
				"8. 尚未统计、不适用或本期不报送的，数值留空即可：留空表示“未报送”，不要填0（0表示实际完成为0）。"
						+ "本模板的数值单元格只接受数字；如果使用自制表格报送，也可以写“—”表示未报送。",
				"三、报送和回执",
				"9. 填好后保存为.xlsx文件（文件名可以自定），放入收件箱中本部门的文件夹：inbox/" + d.name() + "/（以部门编码" + d.code()
						+ "命名的文件夹也可以）。请不要放入其他部门的文件夹。",
				"10. 系统处理后，在同一文件夹中生成回执：原文件名加“.回执(编号)”，有.xlsx和.txt两份，写明已入库的数据、被退回的数据及原因（工作表、行号、列名、原值）和处理办法。",
				"11. 文件中只要有一处错误，整份文件退回，其余数据也不入库；请按回执改正后重新放入文件夹。同一报告期再次报送的文件会替换本部门该报告期此前报送的数据，原数据留档可查。",
				"12. 请在“填报”工作表下方填写填报人、联系电话、审核人和填报日期；需要纸质存档的，打印后由审核人签字并加盖单位公章。",
				"四、模板信息",
				"部门：" + d.name() + "（文件夹也可用部门编码" + d.code() + "命名）；报告期：" + period + "；任务清单目录版本："
						+ t.catalogueVersion() + "。").toList();
	}

	static XSSFSheet write(XSSFWorkbook workbook, Template template, TemplateStyles styles) {
		XSSFSheet sheet = workbook.createSheet(NAME);
		sheet.setColumnWidth(0, WIDTH * 256);
		List<String> lines = lines(template);
		for (int i = 0; i < lines.size(); i++) {
			Row row = sheet.createRow(i);
			row.createCell(0).setCellValue(lines.get(i));
			boolean heading = i == 0 || lines.get(i).matches("^(填报说明|[一二三四]、.*)$");
			row.getCell(0).setCellStyle(heading ? styles.header : styles.paragraph);
			// Excel does not grow a row for wrapped text written by a program; estimate the lines
			row.setHeightInPoints(16 * (1 + displayWidth(lines.get(i)) / WIDTH));
		}
		sheet.enableLocking();
		sheet.lockSelectLockedCells(false);
		Sheets.printAsForm(sheet, false, -1, template.title());
		return sheet;
	}

	/** A Chinese character takes two columns. */
	private static int displayWidth(String text) {
		return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
	}

}
