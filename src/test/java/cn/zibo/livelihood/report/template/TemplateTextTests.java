package cn.zibo.livelihood.report.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.catalogue.Basis;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.catalogue.District;
import cn.zibo.livelihood.catalogue.Indicator;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever text a template carries, from the catalogue or the department's name, is written as
 * text: a name beginning with =, +, - or @ never becomes a formula Excel would run.
 */
class TemplateTextTests {

	@Test
	void catalogueTextThatLooksLikeAFormulaIsWrittenAsTextNeverAsAFormula() throws Exception {
		Department department = new Department("x", "@市测试局", "Test", List.of(), false);
		Indicator indicator = new Indicator("T999-01", 999, "=HYPERLINK(\"http://example.com\",\"点击\")", "+1", ">=",
				new BigDecimal("5"), Basis.CUMULATIVE, LocalDate.of(2024, 12, 31), false, "-1+1");
		District city = new District(District.CITY_CODE, "淄博市", "全市", "city", List.of());
		Template template = new Template(department, Period.quarter(2024, 3), 1, "0".repeat(64),
				List.of(new Template.Row(indicator, city)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		TemplateWorkbook.write(template, out);

		List<String> texts = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
						if (cell.getCellType() == CellType.STRING) {
							texts.add(cell.getStringCellValue());
						}
					}
				}
			}
		}
		assertThat(texts).contains("=HYPERLINK(\"http://example.com\",\"点击\")", "+1", "@市测试局2024年第三季度民生重点任务进展填报表");
	}

}
