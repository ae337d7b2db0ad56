package cn.zibo.livelihood.jobs;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The ingest job end to end on CSV files: from a department's folder to reporting.indicator_value,
 * with the counts each step records (claimed files written by {@code inboxClaimStep}; figures read,
 * loaded and filtered by {@code submissionLoadStep}; receipts written or skipped by
 * {@code receiptWriteStep}).
 */
@PipelineIntegrationTest
class IngestJobIntegrationTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final String BOM = "\uFEFF";

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void eachStepCountsWhatItDidAndARejectedFileIsFilteredNotFailed() throws Exception {
		// given a file that loads, a file with one bad figure of three, and a file in an unknown folder
		fixture.drop("市教育局", "counts_2024Q2.csv", "指标编码,区县,数值,备注\nT002-01,张店区,3,计数\nT002-01,淄川区,4,计数\n",
				StandardCharsets.UTF_8);
		fixture.drop("市民政局", "counts_2024Q2.csv", "指标编码,数值,备注\nT059-01,5,计数\nT059-01,六,计数\nT062-01,7,计数\n",
				StandardCharsets.UTF_8);
		fixture.drop("不存在的部门", "counts_2024Q2.csv", "指标编码,数值\nT002-01,8\n", StandardCharsets.UTF_8);

		// when the ingest job runs
		JobExecution run = fixture.ingest();

		// then every file is claimed and answered, the good figures load, the rest are filtered
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		var counts = Steps.counts(run);
		var partitions = counts.entrySet()
			.stream()
			.filter(step -> step.getKey().startsWith("submissionLoadPartitionStep:"))
			.map(java.util.Map.Entry::getValue)
			.toList();
		counts.keySet().removeIf(step -> step.contains(":partition"));
		assertThat(counts).containsExactly(entry("inboxClaimStep", "read 0, write 3, filter 0, skip 0"),
					entry("submissionLoadStep", "read 5, write 2, filter 3, skip 0"),
					entry("receiptWriteStep", "read 0, write 3, filter 0, skip 0"),
					entry("reconcileStep", counts.get("reconcileStep")));
		// and the load step is the sum of its partitions, one per department with a file waiting
		assertThat(partitions).containsExactlyInAnyOrder("read 2, write 2, filter 0, skip 0", "read 3, write 0, filter 3, skip 0",
					"read 0, write 0, filter 0, skip 0");
		assertThat(fixture.jdbc()
			.sql("SELECT department || ' ' || status || ' ' || rows_total || '/' || rows_loaded || '/' || rows_rejected"
					+ " FROM reporting.submission WHERE file_name = 'counts_2024Q2.csv' ORDER BY submission_id")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("市教育局 loaded 2/2/0", "市民政局 rejected 3/0/3", "不存在的部门 rejected 0/0/0");
	}

	@Test
	void aRowPerValueCsvLandsInIndicatorValueWithItsReceipt() throws Exception {
		fixture.drop("市教育局", "教育局2024Q3.csv", BOM + """
				指标编码,区县,报告期,数值,备注
				T002-01,张店区,2024Q3,25,
				T002-01,淄川区,2024Q3,12,
				T002-03,,2024Q3,65%,全市
				T003-03,全市,2024Q3,1.2万,
				T003-01,张店区,2024Q3,—,尚未统计
				""", StandardCharsets.UTF_8);

		JobExecution run = fixture.ingest();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Object> submission = fixture.submission("教育局2024Q3.csv");
		assertThat(submission).containsEntry("status", "loaded")
			.containsEntry("department", "市教育局")
			.containsEntry("rows_total", 4)
			.containsEntry("rows_loaded", 4)
			.containsEntry("rows_rejected", 0);
		assertThat(fixture.values((Long) submission.get("submission_id"))).containsExactly(
				"T002-01 370302 2024Q3 = 12", "T002-01 370303 2024Q3 = 25", "T002-03 370300 2024Q3 = 65",
				"T003-03 370300 2024Q3 = 12000");
		assertThat(fixture.inbox().resolve("市教育局/教育局2024Q3.csv")).as("left the inbox").doesNotExist();
		assertThat(fixture.inbox().resolve("市教育局/教育局2024Q3.csv.回执(" + submission.get("submission_id") + ").xlsx"))
			.exists();
		String receipt = Files.readString(
				fixture.inbox().resolve("市教育局/教育局2024Q3.csv.回执(" + submission.get("submission_id") + ").txt"));
		assertThat(receipt).contains("处理结果：已入库", "入库：4（新增4，更新0，未变0）", "报告期：2024年第三季度",
				"原文件：已从本文件夹取走，原样存入系统存档");
		assertThat(fixture.archive().resolve(((String) submission.get("sha256")).substring(0, 2))
			.resolve((String) submission.get("sha256"))).exists();
	}

	@Test
	void aGb18030CsvTakesItsPeriodFromTheTitleRow() throws Exception {
		fixture.drop("市卫生健康委", "卫健委季报.csv", """
				淄博市卫生健康委员会2023年第二季度民生重点任务进展填报表,,
				任务序号,指标名称,完成值(张),说明
				29,传染病临床诊疗床位,860,
				34,新建改扩建村卫生室,120处,
				""", GB18030);

		fixture.ingest();

		long id = fixture.submissionId("卫健委季报.csv");
		assertThat(fixture.submission("卫健委季报.csv")).as(fixture.messages(id).toString()).containsEntry("status", "loaded");
		assertThat(fixture.values(id)).containsExactly("T029-02 370300 2023Q2 = 860", "T034-01 370300 2023Q2 = 120");
	}

	@Test
	void aDistrictWideLayoutGivesOneFigurePerDistrictColumn() throws Exception {
		fixture.drop("edu", "分区县_2023H1.csv", """
				指标编码,张店区,淄川区,高新区,全市
				T002-01,10,8,—,30
				T003-03,1.5万,0.8万,,
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("分区县_2023H1.csv");
		assertThat(fixture.submission("分区县_2023H1.csv")).containsEntry("department", "市教育局").containsEntry("rows_total", 5);
		assertThat(fixture.values(id)).containsExactly("T002-01 370300 2023H1 = 30", "T002-01 370302 2023H1 = 8",
				"T002-01 370303 2023H1 = 10", "T003-03 370302 2023H1 = 8000", "T003-03 370303 2023H1 = 15000");
	}

	@Test
	void statusRowsCarryAStatusWordAndTheirNarrative() throws Exception {
		fixture.drop("市民政局", "进展.csv", """
				任务编号,指标编码,报告期,完成情况,备注
				62,T062-00,2023年第四季度,推进中,已建成长者食堂260处
				63,,2023Q4,已完成,
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("进展.csv");
		assertThat(fixture.jdbc()
			.sql("SELECT task_no || ' ' || status || ' ' || coalesce(narrative, '') FROM reporting.task_status WHERE submission_id = ? ORDER BY 1")
			.param(id)
			.query(String.class)
			.list()).containsExactly("62 in_progress 已建成长者食堂260处", "63 done ");
	}

	@Test
	void everyRejectionRuleNamesRowColumnAndCodeAndTheWarehouseStaysAsItWas() throws Exception {
		String before = fixture.warehouseState();
		fixture.drop("市教育局", "有错误的文件.csv", """
				指标编码,区县,报告期,数值,单位,填报单位
				T002-01,张店区,2024Q1,约一百,,市教育局
				T999-01,张店区,2024Q1,5,,
				T059-01,张店区,2024Q1,5,,
				T002-01,火星区,2024Q1,5,,
				T002-01,淄川区,2024第五季度,5,,
				T002-03,张店区,2024Q1,120%,,
				T002-01,博山区,2024Q1,-3,,
				T002-01,临淄区,2024Q1,5,公顷,
				T002-00,临淄区,2024Q1,进行中,,
				T002-01,周村区,2024Q1,5,,市民政局
				T002-01,桓台县,2024Q1,5,,
				T002-01,桓台县,2024Q1,6,,
				T002-01,高青县,2024Q1,7,,
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("有错误的文件.csv");
		assertThat(fixture.submission("有错误的文件.csv")).containsEntry("status", "rejected")
			.containsEntry("rows_total", 13)
			.containsEntry("rows_loaded", 0)
			.containsEntry("rows_rejected", 13);
		assertThat(fixture.errors(id)).containsExactly("2 数值 not_a_number", "3 指标编码 unknown_indicator",
				"4 指标编码 not_lead", "5 区县 unknown_district", "6 报告期 bad_period", "7 数值 percent_range",
				"8 数值 negative", "9 单位 unit_mismatch", "10 数值 bad_status", "11 填报单位 wrong_department",
				"13 数值 duplicate_figure");
		assertThat(fixture.messages(id)).contains("第2行「数值」列的值“约一百”不是数字。请填写阿拉伯数字（可带万、亿或单位），不要写“约”“左右”等文字。");
		assertThat(fixture.warehouseState()).isEqualTo(before);
		assertThat(Files.readString(fixture.inbox().resolve("市教育局/有错误的文件.csv.回执(" + id + ").txt")))
			.contains("处理结果：未入库（退回）", "2个本身无误但因整份文件退回而未入库", "第4行",
					"报告期：2024年第一季度（据文件中的数据和文件名判断）");
	}

	@Test
	void aByteIdenticalFileIsADuplicateAndANewerFileSupersedesTheEarlierOne() throws Exception {
		String first = """
				指标编码,区县,报告期,数值
				T059-01,张店区,2022Q4,1000
				T059-01,淄川区,2022Q4,800
				""";
		fixture.drop("市民政局", "养老床位.csv", first, StandardCharsets.UTF_8);
		fixture.ingest();
		long firstId = fixture.submissionId("养老床位.csv");

		fixture.drop("市民政局", "养老床位(再次).csv", first, StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(fixture.submission("养老床位(再次).csv")).containsEntry("status", "duplicate")
			.containsEntry("duplicate_of", firstId)
			.containsEntry("rows_loaded", 0);

		fixture.drop("市民政局", "养老床位(更正).csv", """
				指标编码,区县,报告期,数值
				T059-01,张店区,2022Q4,1000
				T059-01,淄川区,2022Q4,850
				T059-01,博山区,2022Q4,300
				""", StandardCharsets.UTF_8);
		fixture.ingest();

		long correctedId = fixture.submissionId("养老床位(更正).csv");
		assertThat(fixture.submission("养老床位(更正).csv")).containsEntry("rows_new", 1)
			.containsEntry("rows_updated", 1)
			.containsEntry("rows_unchanged", 1);
		assertThat(fixture.submission("养老床位.csv")).containsEntry("status", "superseded")
			.containsEntry("superseded_by", correctedId);
		assertThat(fixture.values(correctedId)).containsExactly("T059-01 370302 2022Q4 = 850", "T059-01 370303 2022Q4 = 1000",
				"T059-01 370304 2022Q4 = 300");
		assertThat(fixture.jdbc()
			.sql("SELECT count(*) FROM warehouse.fact WHERE submission_id = ? AND NOT is_current")
			.param(firstId)
			.query(Long.class)
			.single()).as("history kept").isEqualTo(2);
	}

	@Test
	void aFolderNamedByAliasOrCodeIsThatDepartmentAndAnUnknownFolderGetsAReceipt() throws Exception {
		fixture.drop("市人力资源和社会保障局", "就业.csv", """
				指标编码,报告期,数值
				T078-01,2022年,3.5万
				""", StandardCharsets.UTF_8);
		fixture.drop("不存在的局", "数据.csv", "指标编码,报告期,数值\nT002-01,2024Q1,5\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.submission("就业.csv")).containsEntry("department", "市人力资源社会保障局")
			.containsEntry("status", "loaded");
		assertThat(fixture.values(fixture.submissionId("就业.csv"))).containsExactly("T078-01 370300 2022 = 35000");
		long unknown = fixture.submissionId("数据.csv");
		assertThat(fixture.errors(unknown)).containsExactly("- - unknown_department");
		assertThat(fixture.inbox().resolve("不存在的局/数据.csv.回执(" + unknown + ").txt")).exists();
	}

	@Test
	void withPolicyPartialTheValidFiguresOfAFileWithErrorsLoad() throws Exception {
		fixture.mapping("市医保局.yml", """
				department: 市医保局
				policy: partial
				fields:
				  value: [本期完成数]
				""");
		String indicator = fixture.jdbc()
			.sql("SELECT indicator_code FROM reporting.indicator i JOIN reporting.task t USING (task_no)"
					+ " WHERE t.lead_departments[1] = '市医保局' AND i.basis <> 'status' ORDER BY 1 LIMIT 1")
			.query(String.class)
			.single();
		fixture.drop("市医保局", "医保_2039Q3.csv", "指标编码,本期完成数\n" + indicator + ",12\n" + indicator.substring(0, 5)
				+ "99,3\n", StandardCharsets.UTF_8);

		fixture.ingest();

		Map<String, Object> submission = fixture.submission("医保_2039Q3.csv");
		assertThat(submission).containsEntry("status", "loaded").containsEntry("rows_loaded", 1).containsEntry("rows_rejected", 1);
		assertThat(fixture.values((Long) submission.get("submission_id"))).containsExactly(indicator + " 370300 2039Q3 = 12");
	}

}
