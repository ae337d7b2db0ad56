package cn.zibo.livelihood.ingest.layout;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Period-wide tables through the real ingest job: one value column per month under a group heading,
 * the year only in the title (市城市管理局, 2002); quarters without a year beside a district column,
 * the year in the file name (市城市管理局, 2003); the year over the quarters over the districts in
 * three header rows (市住房城乡建设局, 2007). A bad value is named by its row and its heading as
 * written (8月).
 */
@PipelineIntegrationTest
class PeriodWideIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void oneColumnPerMonthUnderAGroupHeadingTakesItsYearFromTheTitleAndTheReceiptSaysSo() throws Exception {
		fixture.drop("市城市管理局", "城管按月.xlsx", Forms.periodWide(2002, null));

		fixture.ingest();

		long id = fixture.submissionId("城管按月.xlsx");
		assertThat(fixture.submission("城管按月.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 27)
			.containsEntry("rows_loaded", 27)
			.containsEntry("rows_rejected", 0);
		assertThat(fixture.values(id)).hasSize(27)
			.contains("T103-01 370300 2002-01 = 18", "T103-01 370300 2002-08 = 288", "T103-01 370300 2002-09 = 341",
					"T103-02 370300 2002-01 = 4.5", "T103-03 370300 2002-09 = 88");
		assertThat(fixture.jdbc()
			.sql("SELECT DISTINCT column_name FROM warehouse.fact WHERE submission_id = ? AND period = '2002-08'")
			.param(id)
			.query(String.class)
			.list()).as("lineage: the heading as written").containsExactly("8月");
		String receipt = Receipt.text(fixture, "市城市管理局", "城管按月.xlsx", id);
		assertThat(Receipt.reading(receipt)).containsExactly("读取的工作表：按月（数据在第6–8行，第10行起为表尾注释，不作为数据）",
				"版式：各期一列", "表头：第4–5行（2行表头，按合并单元格合并读取），其上为标题行",
				"列：A列“序号”→任务编号；B列“指标编码”→指标编码；C列“指标名称”→指标名称；D列“计量单位”→单位；E–M列→各期的数值（1月=2002年1月、"
						+ "2月=2002年2月、3月=2002年3月、4月=2002年4月、5月=2002年5月、6月=2002年6月、7月=2002年7月、8月=2002年8月、9月=2002年9月）",
				"报告期：取自各列表头（每列一期），未写年份的按标题行的年份", "区县：全市（文件中没有区县）",
				"单位：取自“计量单位”列；未填的按各指标规定的单位");
	}

	@Test
	void aBadValueInAMonthColumnIsNamedByItsRowAndItsHeadingAsWritten() throws Exception {
		fixture.drop("市城市管理局", "城管按月_有误.xlsx", Forms.periodWide(2002, "288公顷以上"));

		fixture.ingest();

		long id = fixture.submissionId("城管按月_有误.xlsx");
		assertThat(fixture.submission("城管按月_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 27)
			.containsEntry("rows_rejected", 27)
			.containsEntry("rows_withheld", 26);
		assertThat(fixture.errors(id)).containsExactly("6 8月 not_a_number");
		assertThat(fixture.messages(id).get(0)).startsWith("第6行「8月」列的值“288公顷以上”不是数字");
	}

	@Test
	void quartersWithoutAYearBesideADistrictColumnTakeTheYearFromTheFileName() throws Exception {
		fixture.drop("市城市管理局", "城管分区县_2003年.csv", """
				区县,指标编码,一季度,二季度,三季度
				张店区,T103-01,10,22,35
				淄川区,T103-01,8,15,—
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("城管分区县_2003年.csv");
		assertThat(fixture.submission("城管分区县_2003年.csv")).as(fixture.messages(id).toString())
			.containsEntry("rows_total", 5)
			.containsEntry("rows_loaded", 5);
		assertThat(fixture.values(id)).containsExactly("T103-01 370302 2003Q1 = 8", "T103-01 370302 2003Q2 = 15",
				"T103-01 370303 2003Q1 = 10", "T103-01 370303 2003Q2 = 22", "T103-01 370303 2003Q3 = 35");
		assertThat(Receipt.reading(Receipt.text(fixture, "市城市管理局", "城管分区县_2003年.csv", id))).contains("版式：各期一列",
				"报告期：取自各列表头（每列一期），未写年份的按文件名的年份", "区县：取自“区县”列；未填的为全市");
	}

	@Test
	void aPeriodHeadingWithoutAYearAnywhereRefusesTheFileSayingWhatToWrite() throws Exception {
		fixture.drop("市城市管理局", "城管月报.csv", "指标编码,1月,2月\nT103-01,3,5\n", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("城管月报.csv");
		assertThat(fixture.submission("城管月报.csv")).containsEntry("status", "rejected").containsEntry("rows_total", 0);
		assertThat(fixture.errors(id)).containsExactlyInAnyOrder("1 1月 no_year", "1 2月 no_year");
		assertThat(fixture.messages(id).get(0)).contains("没有写年份", "2024年1月");
	}

	@Test
	void theYearOverTheQuartersOverTheDistrictsInThreeHeaderRowsGivesEachColumnItsPeriodAndDistrict() throws Exception {
		fixture.drop("市住房城乡建设局", "住建分季度分区县.xlsx", Forms.quarterDistricts(2007, null));

		fixture.ingest();

		long id = fixture.submissionId("住建分季度分区县.xlsx");
		assertThat(fixture.submission("住建分季度分区县.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 18)
			.containsEntry("rows_loaded", 18);
		assertThat(fixture.values(id)).hasSize(18)
			.contains("T106-02 370300 2007Q1 = 8200", "T106-02 370302 2007Q3 = 5700", "T106-03 370303 2007Q2 = 473000",
					"T106-03 370300 2007Q3 = 2885000");
		assertThat(Receipt.reading(Receipt.text(fixture, "市住房城乡建设局", "住建分季度分区县.xlsx", id))).contains(
				"版式：各期一列（每期下各区县一列）", "表头：第2–4行（3行表头，按合并单元格合并读取），其上为标题行",
				"列：A列“指标编码”→指标编码；B列“指标名称”→指标名称；C列“单位”→单位；D–L列→各期各区县的数值（一季度/全市=2007年第一季度、"
						+ "一季度/张店区=2007年第一季度、一季度/淄川区=2007年第一季度、二季度/全市=2007年第二季度、二季度/张店区=2007年第二季度、二季度/淄川区=2007年第二季度、"
						+ "三季度/全市=2007年第三季度、三季度/张店区=2007年第三季度、三季度/淄川区=2007年第三季度）",
				"报告期：取自各列表头（每列一期），未写年份的按上方的表头“2007年”的年份", "区县：取自各列表头（每列一个区县）");
	}

	@Test
	void aBadValueUnderAQuarterAndADistrictIsNamedByBothHeadings() throws Exception {
		fixture.drop("市住房城乡建设局", "住建分季度分区县_有误.xlsx", Forms.quarterDistricts(2007, "四十七"));

		fixture.ingest();

		long id = fixture.submissionId("住建分季度分区县_有误.xlsx");
		assertThat(fixture.submission("住建分季度分区县_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 18)
			.containsEntry("rows_rejected", 18);
		assertThat(fixture.errors(id)).containsExactly("6 二季度/张店区 not_a_number");
	}

}
