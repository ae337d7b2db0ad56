package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.report.receipt.Prechecks;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run (预检) checks as ingest does, writes a receipt marked 预检, and loads and moves nothing. */
@PipelineIntegrationTest
class PrecheckIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Prechecks prechecks;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void aPrecheckWritesAMarkedReceiptAndLeavesTheFileAndTheWarehouseAlone() throws Exception {
		String before = fixture.warehouseState();
		long submissionsBefore = submissions();
		Path bad = fixture.drop("市教育局", "预检_2023Q4.csv", "指标编码,数值\nT002-01,约一百\nT002-02,800\n", StandardCharsets.UTF_8);
		// (a remark, so that no other test's file has these bytes: TakingFilesIntegrationTests saves
		// "T002-01,N" for N up to 399, and a file with the same bytes would be a duplicate)
		Path good = fixture.drop("市教育局", "预检好_2023Q4.csv", "指标编码,数值,备注\nT002-01,90,预检\n",
				StandardCharsets.UTF_8);

		var checked = prechecks.checkInbox();

		assertThat(checked).hasSize(2);
		assertThat(bad).exists();
		assertThat(good).exists();
		assertThat(fixture.warehouseState()).isEqualTo(before);
		assertThat(submissions()).isEqualTo(submissionsBefore);
		assertThat(Files.readString(bad.resolveSibling("预检_2023Q4.csv.回执(预检).txt"))).contains("预检回执", "预检未通过",
				"第2行「数值」列的值“约一百”不是数字", "可入库：1");
		assertThat(Files.readString(good.resolveSibling("预检好_2023Q4.csv.回执(预检).txt"))).contains("预检通过");

		fixture.ingest();

		assertThat(fixture.submission("预检好_2023Q4.csv")).containsEntry("status", "loaded");
		assertThat(fixture.submission("预检_2023Q4.csv")).containsEntry("status", "rejected");
		assertThat(submissions()).as("the pre-check receipts were not taken as submissions").isEqualTo(submissionsBefore + 2);
	}

	private long submissions() {
		return fixture.jdbc().sql("SELECT count(*) FROM warehouse.submission").query(Long.class).single();
	}

}
