package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures go into the warehouse while their file is still being read: those of periods the
 * department has not reported go straight in, those of periods it has wait until its earlier
 * figures are superseded. Either way the outcome is what a clerk expects from a resubmission, and
 * a rejected file leaves nothing behind. Periods 2037Q1–Q3 of 市卫生健康委 belong to this class.
 */
@PipelineIntegrationTest
class LoadWhileReadingIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@BeforeEach
	void emptyInbox() {
		fixture.reset();
	}

	@Test
	void aResubmissionCoveringAReportedAndANewPeriodCountsNewUpdatedUnchangedAndARejectedOneLeavesNothing()
			throws Exception {
		fixture.drop("市卫生健康委", "床位_2037Q1.csv", """
				指标编码,区县,报告期,数值
				T029-02,张店区,2037Q1,10
				T029-02,淄川区,2037Q1,20
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long first = fixture.submissionId("床位_2037Q1.csv");

		fixture.drop("市卫生健康委", "床位_2037Q1-Q2.csv", """
				指标编码,区县,报告期,数值
				T029-02,张店区,2037Q2,5
				T029-02,张店区,2037Q1,10
				T029-02,淄川区,2037Q1,25
				T029-02,博山区,2037Q1,7
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long second = fixture.submissionId("床位_2037Q1-Q2.csv");

		assertThat(fixture.submission("床位_2037Q1-Q2.csv")).containsEntry("status", "loaded")
			.containsEntry("rows_loaded", 4)
			.containsEntry("rows_new", 2)
			.containsEntry("rows_updated", 1)
			.containsEntry("rows_unchanged", 1);
		assertThat(fixture.submission("床位_2037Q1.csv")).containsEntry("status", "superseded")
			.containsEntry("superseded_by", second);
		assertThat(fixture.values(second)).containsExactly("T029-02 370302 2037Q1 = 25", "T029-02 370303 2037Q1 = 10",
				"T029-02 370303 2037Q2 = 5", "T029-02 370304 2037Q1 = 7");
		assertThat(fixture.values(first)).isEmpty();
		String before = fixture.warehouseState();

		fixture.drop("市卫生健康委", "床位_2037Q1-Q3.csv", """
				指标编码,区县,报告期,数值
				T029-02,张店区,2037Q3,6
				T029-02,张店区,2037Q1,11
				T029-02,淄川区,2037Q3,约三十
				""", StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(fixture.submission("床位_2037Q1-Q3.csv")).containsEntry("status", "rejected")
			.containsEntry("rows_loaded", 0);
		assertThat(fixture.errors(fixture.submissionId("床位_2037Q1-Q3.csv"))).containsExactly("4 数值 not_a_number");
		assertThat(fixture.warehouseState()).as("neither the new period nor the reported one changed").isEqualTo(before);
		assertThat(fixture.values(second)).hasSize(4);
	}

}
