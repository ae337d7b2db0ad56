package cn.zibo.livelihood.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.jobs.Causes;
import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way CONTRACT.md section 4 lets a department write a file, asserted in reporting.indicator_value. */
@PipelineIntegrationTest
class ValueFormsIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void everyValueFormReadsAsItsNumberInTheIndicatorsUnit() throws Exception {
		fixture.drop("市人力资源社会保障局", "数值写法_2023Q1.csv", """
				指标编码,区县,数值,单位
				T078-01,张店区,"2,500",
				T078-01,淄川区,2，600,
				T078-01,博山区,２７００,
				T078-01,临淄区,1.63万,
				T078-01,周村区,2800人,
				T079-01,全市,21亿,
				T079-01,张店区,300,万元
				T079-01,淄川区,0.5,亿元
				T078-01,桓台县,—,
				T078-01,高青县,不适用,
				T078-01,沂源县,/,
				""", StandardCharsets.UTF_8);

		fixture.ingest();

		long id = fixture.submissionId("数值写法_2023Q1.csv");
		assertThat(fixture.submission("数值写法_2023Q1.csv")).as(fixture.messages(id).toString())
			.containsEntry("rows_total", 8)
			.containsEntry("rows_loaded", 8);
		assertThat(fixture.values(id)).containsExactly("T078-01 370302 2023Q1 = 2600", "T078-01 370303 2023Q1 = 2500",
				"T078-01 370304 2023Q1 = 2700", "T078-01 370305 2023Q1 = 16300", "T078-01 370306 2023Q1 = 2800",
				"T079-01 370300 2023Q1 = 2100000000", "T079-01 370302 2023Q1 = 50000000", "T079-01 370303 2023Q1 = 3000000");
	}

	@Test
	void aUnitInTheValueHeaderScalesTheWholeColumn() throws Exception {
		fixture.drop("市人力资源社会保障局", "贷款_2023Q2.csv", """
				指标编码,区县,发放金额
				T079-01,张店区,12.5
				""".replace("发放金额", "数值(万元)"), StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.values(fixture.submissionId("贷款_2023Q2.csv"))).containsExactly("T079-01 370303 2023Q2 = 125000");
	}

	@Test
	void utf16WithBomAndTabsAsExcelSavesUnicodeTextLoads() throws Exception {
		String text = "\uFEFF指标编码\t区县\t数值\r\nT059-01\t张店区\t700\r\n";
		fixture.drop("市民政局", "民政_2023Q1.csv", text.getBytes(StandardCharsets.UTF_16LE));

		fixture.ingest();

		assertThat(fixture.values(fixture.submissionId("民政_2023Q1.csv"))).containsExactly("T059-01 370303 2023Q1 = 700");
	}

	@Test
	void utf8WithoutBomAndGbkBothLoad() throws Exception {
		String csv = "指标编码,区县,数值\nT059-01,淄川区,650\n";
		fixture.drop("市民政局", "无BOM_2023Q2.csv", csv, StandardCharsets.UTF_8);
		fixture.drop("civil", "GBK_2023Q3.csv", csv, Charset.forName("GBK"));

		fixture.ingest();

		assertThat(fixture.values(fixture.submissionId("无BOM_2023Q2.csv"))).containsExactly("T059-01 370302 2023Q2 = 650");
		assertThat(fixture.values(fixture.submissionId("GBK_2023Q3.csv"))).containsExactly("T059-01 370302 2023Q3 = 650");
	}

	@Test
	void aDepartmentMappingAddsSpellingsAndAFixedPeriod() throws Exception {
		fixture.mapping("民政局模板.yml", """
				department: civil
				description: 民政局月报模板
				period: 2023-05
				fields:
				  indicator_code: [指标代号]
				  value: [本月累计]
				""");
		fixture.drop("市民政局", "月报.csv", "指标代号,区县,本月累计\nT059-01,博山区,410\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.values(fixture.submissionId("月报.csv"))).containsExactly("T059-01 370304 2023-05 = 410");
	}

	@Test
	void aRecurringTemplatesMappingAppliesToTheFilesItNames() throws Exception {
		fixture.mapping("季报模板.yml", """
				files: "*季报模板*.csv"
				fields:
				  value: [本季完成]
				""");
		fixture.drop("市民政局", "民政季报模板_2023Q3.csv", "指标编码,区县,本季完成\nT059-01,高青县,55\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "其他_2023Q3.csv", "指标编码,区县,本季完成\nT059-01,高青县,55\n", StandardCharsets.UTF_8);

		fixture.ingest();

		assertThat(fixture.values(fixture.submissionId("民政季报模板_2023Q3.csv"))).containsExactly("T059-01 370322 2023Q3 = 55");
		assertThat(fixture.errors(fixture.submissionId("其他_2023Q3.csv"))).containsExactly("- - no_header");
	}

	@Test
	void aMalformedMappingFileFailsTheRunNamingTheFileAndLosesNothing() throws Exception {
		fixture.mapping("坏的.yml", "department: civil\nfields:\n  valeu: [本月累计]\n");
		Path dropped = fixture.drop("市民政局", "月报_2023-06.csv", "指标编码,数值\nT059-01,1\n", StandardCharsets.UTF_8);

		var run = fixture.ingest();

		assertThat(Causes.of(run)).singleElement()
			.satisfies(ex -> assertThat(ex.getMessage()).contains("坏的.yml", "unknown field 'valeu'"));
		assertThat(fixture.submission("月报_2023-06.csv")).as("claimed and archived, waiting for a fixed mapping")
			.containsEntry("status", "received");
		assertThat(dropped).doesNotExist();
		Files.delete(fixture.mappingsDir().resolve("坏的.yml"));
		fixture.ingest();
		assertThat(fixture.submission("月报_2023-06.csv")).containsEntry("status", "loaded");
	}

}
