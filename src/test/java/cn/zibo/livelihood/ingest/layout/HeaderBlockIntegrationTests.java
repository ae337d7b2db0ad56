package cn.zibo.livelihood.ingest.layout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header blocks of two rows with merged cells, through the real ingest job: a group heading over the
 * district columns (市应急局, 2000Q3), a parent heading over 数值 and 单位 (市医保局, 2001Q3), and the
 * same blocks in CSV files, where nothing is merged (市教育局, 2009). Header rows are neither figures
 * nor problems, and the receipt says how the file was read.
 */
@PipelineIntegrationTest
class HeaderBlockIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void aGroupHeadingOverTheDistrictColumnsGivesOneFigurePerDistrictAndTheReceiptSaysHowItWasRead() throws Exception {
		fixture.drop("市应急局", "应急分区县.xlsx", Forms.districtWide(2000, null));

		fixture.ingest();

		long id = fixture.submissionId("应急分区县.xlsx");
		assertThat(fixture.submission("应急分区县.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 14)
			.containsEntry("rows_loaded", 14)
			.containsEntry("rows_rejected", 0);
		assertThat(fixture.values(id)).containsExactly("T112-01 370300 2000Q3 = 86", "T112-01 370302 2000Q3 = 9",
				"T112-01 370303 2000Q3 = 14", "T112-01 370304 2000Q3 = 7", "T112-01 370305 2000Q3 = 10",
				"T112-01 370306 2000Q3 = 8", "T112-01 370321 2000Q3 = 9", "T112-01 370322 2000Q3 = 6",
				"T112-01 370323 2000Q3 = 8", "T112-01 ZB-GXQ 2000Q3 = 6", "T112-01 ZB-JKQ 2000Q3 = 5",
				"T112-01 ZB-WCH 2000Q3 = 4", "T112-02 370300 2000Q3 = 2.31");
		assertThat(fixture.jdbc()
			.sql("SELECT status || ' ' || narrative FROM reporting.task_status WHERE submission_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("in_progress 应急救援站建设按计划推进");
		String receipt = Receipt.text(fixture, "市应急局", "应急分区县.xlsx", id);
		assertThat(Receipt.reading(receipt)).containsExactly("读取的工作表：分区县（数据在第7–9行，第11行起为表尾注释，不作为数据）",
				"版式：各区县一列", "表头：第5–6行（2行表头，按合并单元格合并读取），其上为标题行",
				"列：A列“序号”→任务编号；B列“指标编码”→指标编码；C列“指标名称”→指标名称；D列“计量单位”→单位；Q列“备注”→备注；"
						+ "E–P列→各区县的数值（全市、淄川区、张店区、博山区、临淄区、周村区、桓台县、高青县、沂源县、高新区、经济开发区、文昌湖区）",
				"报告期：取自标题行（2000年第三季度）", "区县：取自各列表头（每列一个区县）", "单位：取自“计量单位”列；未填的按各指标规定的单位");
		assertThat(receipt).contains("数值个数：14", "入库：14（新增14，更新0，未变0）", "退回：0", "问题个数：0");
	}

	@Test
	void oneBadCellUnderTheGroupHeadingRejectsTheFileNamingItsRowAndDistrictAndListsEveryValidFigureAsWithheld()
			throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市应急局", "应急分区县_有误.xlsx", Forms.districtWide(2000, "约14"));

		fixture.ingest();

		long id = fixture.submissionId("应急分区县_有误.xlsx");
		assertThat(fixture.submission("应急分区县_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 14)
			.containsEntry("rows_loaded", 0)
			.containsEntry("rows_rejected", 14)
			.containsEntry("rows_invalid", 1)
			.containsEntry("rows_withheld", 13);
		assertThat(fixture.errors(id)).containsExactly("7 张店区 not_a_number");
		assertThat(fixture.messages(id)).containsExactly("第7行「张店区」列的值“约14”不是数字。请填写阿拉伯数字（可带万、亿或单位），不要写“约”“左右”等文字。");
		assertThat(fixture.warehouseState()).isEqualTo(before);
		String receipt = Receipt.text(fixture, "市应急局", "应急分区县_有误.xlsx", id);
		assertThat(receipt).contains("退回：14（其中1个有问题，13个本身无误但因整份文件退回而未入库）",
				"- 工作表“分区县”第7行「淄川区」列 T112-01 淄川区 2000年第三季度 = 9",
				"- 工作表“分区县”第9行「全市」列 T112-00 全市 2000年第三季度 = 推进中");
		List<String> withheld = Receipt.sheet(fixture, "市应急局", "应急分区县_有误.xlsx", id, "未入库数据");
		assertThat(withheld).hasSize(1 + 13).first().asString().startsWith("工作表 | 行号 | 列名");
		assertThat(withheld).noneMatch(row -> row.contains("| 张店区 | 2000年第三季度 | 约14"));
		assertThat(withheld.get(1)).isEqualTo("分区县 | 7 | 全市 | T112-01 | 重点社区应急救援站 | 全市 | 2000年第三季度 | 86 | "
				+ "本身无误，但整份文件退回（原因见问题清单），未入库");
	}

	@Test
	void aParentHeadingOverValueAndUnitIsReadAsBothAndItsSubHeadingRowIsNeitherAFigureNorAProblem() throws Exception {
		fixture.drop("市医保局", "医保季报.xlsx", Forms.parentHeading(2001, null));

		fixture.ingest();

		long id = fixture.submissionId("医保季报.xlsx");
		assertThat(fixture.submission("医保季报.xlsx")).as(fixture.messages(id).toString())
			.containsEntry("status", "loaded")
			.containsEntry("rows_total", 6)
			.containsEntry("rows_loaded", 6)
			.containsEntry("rows_rejected", 0);
		assertThat(fixture.errors(id)).isEmpty();
		assertThat(fixture.values(id)).containsExactly("T043-01 370300 2001Q3 = 52", "T043-02 370300 2001Q3 = 66.5",
				"T045-01 370300 2001Q3 = 78", "T046-01 370300 2001Q3 = 85.6", "T046-02 370300 2001Q3 = 92");
		String receipt = Receipt.text(fixture, "市医保局", "医保季报.xlsx", id);
		assertThat(Receipt.reading(receipt)).contains("版式：按行", "表头：第3–4行（2行表头，按合并单元格合并读取），其上为标题行",
				"列：A列“任务编号”→任务编号；B列“指标编码”→指标编码；C列“指标名称”→指标名称；D列“数值”→数值；E列“单位”→单位；F列“备注”→备注");
		assertThat(receipt).contains("数值个数：6", "退回：0", "问题个数：0");
	}

	@Test
	void aBadUnitUnderTheParentHeadingIsNamedByItsSubHeading() throws Exception {
		fixture.drop("市医保局", "医保季报_有误.xlsx", Forms.parentHeading(2001, "公顷"));

		fixture.ingest();

		long id = fixture.submissionId("医保季报_有误.xlsx");
		assertThat(fixture.submission("医保季报_有误.xlsx")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 6)
			.containsEntry("rows_rejected", 6);
		assertThat(fixture.errors(id)).containsExactly("7 单位 unit_mismatch");
	}

	@Test
	void theSameBlocksInACsvFileWhereNothingIsMergedAreReadAlike() throws Exception {
		fixture.drop("市教育局", "教育分区县_2009Q1.csv", """
				淄博市教育局2009年第一季度分区县完成情况,,,
				指标编码,各区县完成情况,,
				,张店区,淄川区,全市
				T002-01,3,4,7
				""", StandardCharsets.UTF_8);
		fixture.drop("市教育局", "教育完成情况_2009Q2.csv", """
				指标编码,完成情况,
				,数值,单位
				T002-01,9,处
				T003-03,1.2,万个
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long districts = fixture.submissionId("教育分区县_2009Q1.csv");
		assertThat(fixture.submission("教育分区县_2009Q1.csv")).as(fixture.messages(districts).toString())
			.containsEntry("rows_total", 3)
			.containsEntry("rows_loaded", 3);
		assertThat(fixture.values(districts)).containsExactly("T002-01 370300 2009Q1 = 7", "T002-01 370302 2009Q1 = 4",
				"T002-01 370303 2009Q1 = 3");
		long parent = fixture.submissionId("教育完成情况_2009Q2.csv");
		assertThat(fixture.submission("教育完成情况_2009Q2.csv")).as(fixture.messages(parent).toString())
			.containsEntry("rows_total", 2)
			.containsEntry("rows_loaded", 2);
		assertThat(fixture.values(parent)).containsExactly("T002-01 370300 2009Q2 = 9", "T003-03 370300 2009Q2 = 12000");
	}

}
