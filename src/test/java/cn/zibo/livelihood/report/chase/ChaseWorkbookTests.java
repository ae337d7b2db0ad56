package cn.zibo.livelihood.report.chase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.report.chase.ChaseList.IndicatorOwed;
import cn.zibo.livelihood.report.chase.ChaseList.Owing;
import cn.zibo.livelihood.report.chase.ChaseList.TaskOwed;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

class ChaseWorkbookTests {

	static final ChaseList LIST = new ChaseList(Period.quarter(2024, 3), LocalDate.of(2024, 10, 10), LocalDate.of(2024, 10, 21),
			List.of(new Owing("civil", "市民政局", "incomplete", 1234, 1230,
					List.of(new TaskOwed(59, "到2024年，建成家庭养老床位7000张以上",
							List.of(new IndicatorOwed("T059-00", "任务进展", null), new IndicatorOwed("T059-01", "家庭养老床位", "张"))),
							new TaskOwed(60, "完善特殊困难家庭老年人生活照护长效机制",
									List.of(new IndicatorOwed("T060-01", "照料护理服务补助标准(城市)", "元/小时"))))),
					new Owing("edu", "市教育局", "missing", 3, 0,
							List.of(new TaskOwed(2, "学前教育", List.of(new IndicatorOwed("T002-00", "任务进展", null)))))),
			28);

	@Test
	void theListPrintsOnA4LandscapeWithItsHeaderOnEveryPage() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ChaseWorkbook.write(LIST, out);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/chase-workbook-test.xlsx"), out.toByteArray());

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("催报清单");
			assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("缺报指标");
			for (Sheet sheet : workbook) {
				PrintSetup print = sheet.getPrintSetup();
				assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(print.getLandscape()).isTrue();
				assertThat(print.getFitWidth()).isEqualTo((short) 1);
				assertThat(print.getFitHeight()).isZero();
				assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
				assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页，共 &N 页");
			}
			DataFormatter cells = new DataFormatter();
			Sheet list = workbook.getSheet("催报清单");
			assertThat(cells.formatCellValue(list.getRow(0).getCell(0))).isEqualTo("2024年第三季度民生实事数据催报清单");
			assertThat(cells.formatCellValue(list.getRow(1).getCell(0))).isEqualTo("截止日期：2024年10月10日　统计时间：2024年10月21日　尚有指标未报送的部门：2个");
			assertThat(cells.formatCellValue(list.getRow(3).getCell(1))).isEqualTo("市民政局");
			assertThat(cells.formatCellValue(list.getRow(3).getCell(2))).isEqualTo("未报齐");
			assertThat(cells.formatCellValue(list.getRow(3).getCell(3))).isEqualTo("1,234");
			assertThat(cells.formatCellValue(list.getRow(3).getCell(6))).isEqualTo(
					"任务59（到2024年，建成家庭养老床位7000张以上）：任务进展、家庭养老床位（张）\n"
							+ "任务60（完善特殊困难家庭老年人生活照护长效机制）：照料护理服务补助标准(城市)（元/小时）");
			assertThat(list.getRow(3).getHeightInPoints()).as("two lines of owed indicators").isEqualTo(30f);
			assertThat(cells.formatCellValue(list.getRow(4).getCell(2))).isEqualTo("未报送");
			Sheet indicators = workbook.getSheet("缺报指标");
			assertThat(indicators.getLastRowNum()).isEqualTo(2 + 4);
			assertThat(cells.formatCellValue(indicators.getRow(4).getCell(3))).isEqualTo("家庭养老床位");
			assertThat(cells.formatCellValue(indicators.getRow(4).getCell(4))).isEqualTo("张");
		}
	}

	@Test
	void theReminderNamesWhatIsMissingAndTheDueDate() {
		String text = Reminder.text(LIST, LIST.departments().get(0), "市民生工作领导小组办公室");

		assertThat(text).startsWith("关于报送2024年第三季度民生实事数据的提醒\n\n市民政局：\n")
			.contains("2024年第三季度数据应于2024年10月10日前报送。截至2024年10月21日，贵单位本期应报1,234项指标，已报送1,230项，尚有4项未报送。",
					"1．任务59（到2024年，建成家庭养老床位7000张以上）：任务进展、家庭养老床位（张）；",
					"2．任务60（完善特殊困难家庭老年人生活照护长效机制）：照料护理服务补助标准(城市)（元/小时）。",
					"上述数据已超过报送截止日期，请抓紧核实，尽快补报。", "特此提醒。")
			.endsWith("市民生工作领导小组办公室\n" + "\u3000".repeat(16) + "2024年10月21日\n");
		assertThat(Reminder.text(LIST, LIST.departments().get(1), "办公室")).contains("贵单位本期应报3项指标，尚未报送。未报送的指标如下：");
	}

}
