package cn.zibo.livelihood.report.template;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.ingest.layout.Field;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.ingest.Mapping;
import cn.zibo.livelihood.ingest.Mappings;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The template 市教育局 gets for 2024Q3, opened with POI and compared with the catalogue. */
@PipelineIntegrationTest
class TemplateWorkbookIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Templates templates;

	@Autowired
	CurrentCatalogue current;

	@TempDir
	Path dir;

	Catalogue catalogue;

	Path file;

	XSSFWorkbook workbook;

	XSSFSheet data;

	@BeforeEach
	void generateTheTemplateOfTheEducationBureau() throws Exception {
		fixture.reset();
		catalogue = current.get().catalogue();
		file = dir.resolve("市教育局_2024Q3_填报模板.xlsx");
		templates.write(templates.department("市教育局").orElseThrow(), Period.quarter(2024, 3), file);
		try (InputStream in = Files.newInputStream(file)) {
			workbook = new XSSFWorkbook(in);
		}
		data = workbook.getSheet(TemplateSheet.NAME);
	}

	@AfterEach
	void close() throws Exception {
		workbook.close();
	}

	@Test
	void theDataSheetComesFirstWithATitleAndHeadersTheDefaultMappingAcceptsAsTheyAre() {
		assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName)).containsExactly("填报",
				"填报说明");
		assertThat(workbook.getActiveSheetIndex()).isZero();
		assertThat(text(data.getRow(0), 0)).isEqualTo("市教育局2024年第三季度民生重点任务进展填报表");
		assertThat(cells(data.getRow(TemplateSheet.HEADER_ROW))).containsExactly("任务编号", "指标编码", "指标名称", "区县", "报告期",
				"数值", "单位", "备注", "目标值", "统计口径", "截止日期");
		Mapping defaults = Mappings.load(Path.of("mappings"), catalogue).forDepartment("edu");
		assertThat(List.of("任务编号", "指标编码", "指标名称", "区县", "报告期", "数值", "单位", "备注").stream().map(h -> defaults.fieldOf(h).orElseThrow()))
			.containsExactly(Field.TASK, Field.INDICATOR_CODE, Field.INDICATOR_NAME, Field.DISTRICT, Field.PERIOD, Field.VALUE,
					Field.UNIT, Field.REMARK);
		for (String context : List.of("目标值", "统计口径", "截止日期")) {
			assertThat(defaults.fieldOf(context)).as(context + " is context only").isEmpty();
			assertThat(catalogue.district(context)).isEmpty();
		}
	}

	@Test
	void oneRowPerIndicatorTheDepartmentLeadsAndOnePerDistrictForThoseThatAddUp() {
		List<String> expected = new ArrayList<>();
		List<District> cityFirst = catalogue.districts().stream().sorted((a, b) -> a.code().equals(District.CITY_CODE) ? -1
				: b.code().equals(District.CITY_CODE) ? 1 : a.code().compareTo(b.code())).toList();
		for (var task : catalogue.tasks()) {
			if (!catalogue.leadsOf(task.no()).contains("edu")) {
				continue;
			}
			for (Indicator i : catalogue.indicators().stream().filter(i -> i.taskNo() == task.no()).toList()) {
				for (District d : i.additive() ? cityFirst : List.of(cityFirst.get(0))) {
					expected.add(task.no() + " " + i.code() + " " + i.name() + " " + d.code() + " 2024年第三季度");
				}
			}
		}
		List<String> actual = dataRows().stream()
			.map(r -> text(r, 0) + " " + text(r, 1) + " " + text(r, 2) + " "
					+ catalogue.district(text(r, 3)).orElseThrow().code() + " " + text(r, 4))
			.toList();

		assertThat(actual).containsExactlyElementsOf(expected);
		assertThat(actual).contains("2 T002-00 任务进展 370300 2024年第三季度", "2 T002-01 新改扩建公办幼儿园 370302 2024年第三季度",
				"2 T002-01 新改扩建公办幼儿园 ZB-WCH 2024年第三季度", "2 T002-03 公办园在园幼儿占比 370300 2024年第三季度")
			.doesNotContain("2 T002-03 公办园在园幼儿占比 370302 2024年第三季度");
		assertThat(dataRows().stream().map(r -> text(r, 3)).distinct()).startsWith("全市", "淄川区").contains("高新区");
	}

	@Test
	void catalogueCellsAreLockedAndOnlyValueAndRemarkCellsAreOpenWithoutAPassword() {
		assertThat(data.isSheetLocked()).isTrue();
		var protection = data.getCTWorksheet().getSheetProtection();
		assertThat(protection.isSetPassword() || protection.isSetHashValue()).as("no password").isFalse();
		for (Row row : dataRows()) {
			for (int col = 0; col < TemplateSheet.HEADERS.size(); col++) {
				boolean open = col == TemplateSheet.VALUE || col == TemplateSheet.REMARK;
				assertThat(row.getCell(col).getCellStyle().getLocked()).as("row %d col %d", row.getRowNum() + 1, col)
					.isEqualTo(!open);
			}
		}
	}

	@Test
	void theInstructionsSayHowToFillWhereToDropTheFileAndWhatTheReceiptIs() {
		XSSFSheet help = workbook.getSheet(TemplateInstructions.NAME);
		String text = String.join("\n", IntStream.rangeClosed(0, help.getLastRowNum()).mapToObj(i -> text(help.getRow(i), 0)).toList());

		assertThat(text).contains("填报说明", "“数值”和“备注”", "留空", "不要填0", "0至100", "未启动", "inbox/市教育局/", "回执", "整份文件退回");
		assertThat(help.isSheetLocked()).isTrue();
	}

	@Test
	void theWorkbookNamesItsDepartmentPeriodAndCatalogueVersionInItsDocumentPropertiesNotOnASheet() throws Exception {
		assertThat(TemplateMetadata.read(file))
			.contains(new TemplateMetadata("edu", "2024Q3", current.get().versionId(), catalogue.seedSha256()));
		assertThat(TemplateMetadata.read(Path.of("mappings/default.yml"))).as("not a workbook").isEmpty();
		assertThat(workbook.getNumberOfSheets()).as("no sheet for the clerk to stumble on or delete").isEqualTo(2);
	}

	@Test
	void aGroupLeadHasNoInboxAndSoNoTemplate() {
		Department group = templates.department("市委教育工作领导小组成员单位").orElseThrow();

		assertThatIllegalArgumentException().isThrownBy(() -> templates.template(group, Period.quarter(2024, 3)))
			.withMessageContaining("group lead");
	}

	private List<Row> dataRows() {
		return dataRows(data);
	}

	/** The rows under the header down to the blank row above the signature block. */
	static List<Row> dataRows(XSSFSheet data) {
		List<Row> rows = new ArrayList<>();
		for (int r = TemplateSheet.HEADER_ROW + 1; data.getRow(r) != null; r++) {
			rows.add(data.getRow(r));
		}
		return rows;
	}

	static String text(Row row, int col) {
		return row.getCell(col) == null ? "" : new DataFormatter().formatCellValue(row.getCell(col));
	}

	private static List<String> cells(Row row) {
		return IntStream.range(0, row.getLastCellNum()).mapToObj(c -> text(row, c)).toList();
	}

}
