package cn.zibo.livelihood.report.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CatalogueSeed;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value column's data validation in 市教育局's template, made from the seeds' catalogue: the
 * workbook is written and read back, so what is asserted is what Excel will see.
 */
class TemplateValidationTests {

	private static final Catalogue catalogue = CatalogueSeed.read(Path.of("seeds"), "000_ac670e75b15da742.txt");

	XSSFWorkbook workbook;

	XSSFSheet data;

	@BeforeEach
	void writeAndReadBackTheTemplate() throws Exception {
		Template template = Template.of(catalogue, 1, catalogue.department("edu").orElseThrow(), Period.quarter(2024, 3));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TemplateWorkbook.write(template, out);
		workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
		data = workbook.getSheet(TemplateSheet.NAME);
	}

	@AfterEach
	void close() throws Exception {
		workbook.close();
	}

	@Test
	void aProgressRowOffersTheFourStatusWordsInADropDownWithAChinesePrompt() {
		XSSFDataValidation status = validationOf("T002-00");

		assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
		assertThat(status.getValidationConstraint().getExplicitListValues()).containsExactly("未启动", "推进中", "已完成", "滞后");
		assertThat(data.getCTWorksheet().getDataValidations().getDataValidationArray())
			.as("Excel's showDropDown attribute is inverted: set, it hides the arrow")
			.noneMatch(v -> v.getShowDropDown());
		assertThat(status.getPromptBoxText()).contains("备注");
		assertThat(status.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
		assertThat(status.getShowErrorBox()).isTrue();
	}

	@Test
	void aPercentageTakesADecimalFromZeroToHundred() {
		XSSFDataValidation percent = validationOf("T002-03");

		assertThat(percent.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
		assertThat(percent.getValidationConstraint().getOperator()).isEqualTo(OperatorType.BETWEEN);
		assertThat(List.of(percent.getValidationConstraint().getFormula1(), percent.getValidationConstraint().getFormula2()))
			.containsExactly("0", "100");
		assertThat(percent.getPromptBoxTitle()).isEqualTo("单位：%");
		assertThat(percent.getErrorBoxText()).contains("0至100");
	}

	@Test
	void aCountTakesAnyDecimalNotBelowZeroAndItsPromptNamesTheUnit() {
		XSSFDataValidation count = validationOf("T002-01");

		assertThat(count.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
		assertThat(count.getValidationConstraint().getOperator()).isEqualTo(OperatorType.GREATER_OR_EQUAL);
		assertThat(count.getValidationConstraint().getFormula1()).isEqualTo("0");
		assertThat(count.getPromptBoxTitle()).isEqualTo("单位：处");
		assertThat(count.getShowPromptBox()).isTrue();
	}

	@Test
	void everyValueCellHasExactlyOneValidationAndNoOtherCellHasAny() {
		List<XSSFDataValidation> validations = data.getDataValidations();
		for (Row row : dataRows()) {
			for (int col = 0; col < TemplateSheet.HEADERS.size(); col++) {
				int r = row.getRowNum();
				int c = col;
				long covering = validations.stream()
					.filter(v -> List.of(v.getRegions().getCellRangeAddresses()).stream().anyMatch(a -> a.isInRange(r, c)))
					.count();
				assertThat(covering).as("row %d col %d", r + 1, col).isEqualTo(col == TemplateSheet.VALUE ? 1 : 0);
			}
		}
	}

	private XSSFDataValidation validationOf(String indicatorCode) {
		Row row = dataRows().stream().filter(r -> r.getCell(1).getStringCellValue().equals(indicatorCode)).findFirst().orElseThrow();
		return data.getDataValidations()
			.stream()
			.filter(v -> List.of(v.getRegions().getCellRangeAddresses()).stream().anyMatch(a -> a.isInRange(row.getRowNum(), TemplateSheet.VALUE)))
			.findFirst()
			.orElseThrow();
	}

	private List<Row> dataRows() {
		return TemplateWorkbookIntegrationTests.dataRows(data);
	}

}
