package cn.zibo.livelihood.ingest.layout;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several data sheets in one workbook as one submission, through the real ingest job: a sheet per
 * district beside 填报说明 and a hidden sheet (市文化和旅游局, 2005Q3), a sheet per month
 * (市文化和旅游局, 2006). Every sheet whose header matches is read, a hidden one never, and a problem
 * names its sheet.
 */
@PipelineIntegrationTest
class SeveralSheetsIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void aSheetPerDistrictGivesItsDistrictToItsRowsAndAHiddenSheetIsNotRead() throws Exception {
		fixture.drop("市文化和旅游局", "文旅分表.xlsx", Forms.sheetsPerDistrict(2005, null));

		fixture.ingest();

		long id = fixture.submissionId("文旅分表.xlsx");
		assertThat(fixture.submission("文旅分表.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 9)
			.containsEntry("rows_loaded", 9)
			.containsEntry("rows_rejected", 0);
		assertThat(fixture.values(id)).containsExactly("T094-01 370300 2005Q3 = 352", "T094-01 370302 2005Q3 = 61",
				"T094-01 370303 2005Q3 = 96", "T094-01 370304 2005Q3 = 45", "T095-01 370300 2005Q3 = 186",
				"T095-01 370302 2005Q3 = 33", "T095-01 370303 2005Q3 = 52", "T095-01 370304 2005Q3 = 27",
				"T098-01 370300 2005Q3 = 2860000");
		assertThat(fixture.jdbc()
			.sql("SELECT DISTINCT sheet FROM warehouse.fact WHERE submission_id = ? ORDER BY 1")
			.param(id)
			.query(String.class)
			.list()).containsExactly("全市", "博山区", "张店区", "淄川区");
		String receipt = Receipt.text(fixture, "市文化和旅游局", "文旅分表.xlsx", id);
		assertThat(Receipt.reading(receipt)).containsExactly(
				"读取的工作表：全市（数据在第3–5行，第7行起为表尾注释，不作为数据）、张店区（数据在第3–5行，第7行起为表尾注释，不作为数据）、"
						+ "淄川区（数据在第3–5行，第7行起为表尾注释，不作为数据）、博山区（数据在第3–5行，第7行起为表尾注释，不作为数据）",
				"版式：分表（4个工作表合为一份报送，各表按行）", "[全市、张店区、淄川区、博山区]表头：第2行，其上为标题行",
				"[全市、张店区、淄川区、博山区]列：A列“任务编号”→任务编号；B列“指标编码”→指标编码；C列“指标名称”→指标名称；D列“完成值”→数值；"
						+ "E列“单位”→单位；F列“备注”→备注",
				"[全市、张店区、淄川区、博山区]报告期：取自标题行（2005年第三季度）", "[全市、张店区、淄川区、博山区]区县：取自工作表名",
				"[全市、张店区、淄川区、博山区]单位：取自“单位”列；未填的按各指标规定的单位",
				"未读取的工作表：填报说明（前30行中没有表头）、上季度（作废）（隐藏的工作表）");
	}

	@Test
	void aBadValueOnOneSheetRejectsTheWholeWorkbookNamingThatSheet() throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市文化和旅游局", "文旅分表_有误.xlsx", Forms.sheetsPerDistrict(2005, "三十三"));

		fixture.ingest();

		long id = fixture.submissionId("文旅分表_有误.xlsx");
		assertThat(fixture.submission("文旅分表_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 9)
			.containsEntry("rows_rejected", 9)
			.containsEntry("rows_withheld", 8);
		assertThat(fixture.jdbc()
			.sql("SELECT sheet || ' ' || row_no || ' ' || column_name || ' ' || code FROM reporting.submission_error WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("淄川区 4 完成值 not_a_number");
		assertThat(fixture.warehouseState()).isEqualTo(before);
		assertThat(Receipt.text(fixture, "市文化和旅游局", "文旅分表_有误.xlsx", id)).contains("1. 工作表“淄川区”：第4行「完成值」列的值“三十三”不是数字");
	}

	@Test
	void aSheetPerMonthGivesItsPeriodAndTheSameFigureOnTwoSheetsNamesTheOtherSheet() throws Exception {
		FormWorkbook months = new FormWorkbook();
		for (int month = 7; month <= 9; month++) {
			months.sheet("2006年" + month + "月")
				.header(new String[] { "指标编码", "指标名称", "完成值" })
				.row("T094-01", "“城市书房+”新型公共阅读空间", 290 + 10 * month);
		}
		fixture.drop("市文化和旅游局", "文旅月报.xlsx", months.bytes());
		FormWorkbook twice = new FormWorkbook();
		for (String sheet : new String[] { "张店区", "张店" }) {
			twice.sheet(sheet).header(new String[] { "指标编码", "报告期", "完成值" }).row("T094-01", "2006Q4", 100);
		}
		fixture.drop("市文化和旅游局", "文旅重复.xlsx", twice.bytes());

		fixture.ingest();

		long id = fixture.submissionId("文旅月报.xlsx");
		assertThat(fixture.values(id)).as(fixture.messages(id).toString())
			.containsExactly("T094-01 370300 2006-07 = 360", "T094-01 370300 2006-08 = 370", "T094-01 370300 2006-09 = 380");
		assertThat(Receipt.reading(Receipt.text(fixture, "市文化和旅游局", "文旅月报.xlsx", id))).contains(
				"版式：分表（3个工作表合为一份报送，各表按行）", "[2006年7月、2006年8月、2006年9月]报告期：取自工作表名");
		long duplicate = fixture.submissionId("文旅重复.xlsx");
		assertThat(fixture.errors(duplicate)).containsExactly("2 完成值 duplicate_figure");
		assertThat(fixture.messages(duplicate).get(0)).startsWith("第2行「完成值」列：与工作表“张店区”第2行重复");
	}

}
