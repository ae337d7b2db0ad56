package cn.zibo.livelihood.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.warehouse.PeriodLocks;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class PeriodLockIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	PeriodLocks locks;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
	}

	@Test
	void aSubmissionForAClosedPeriodIsRefusedAndLoadsOnceReopened() throws Exception {
		String csv = "指标编码,区县,数值\nT059-01,周村区,321\n";
		locks.close("2021Q4", "市民生办已审核", "审核员");
		String before = fixture.warehouseState();
		fixture.drop("市民政局", "床位_2021Q4.csv", csv, StandardCharsets.UTF_8);

		fixture.ingest();

		long refused = fixture.submissionId("床位_2021Q4.csv");
		assertThat(fixture.submission("床位_2021Q4.csv")).containsEntry("status", "rejected");
		assertThat(fixture.errors(refused)).containsExactly("- - period_closed");
		assertThat(fixture.messages(refused).get(0)).contains("2021Q4已审核关闭", "市民生工作领导小组办公室");
		assertThat(fixture.warehouseState()).isEqualTo(before);

		locks.reopen("2021Q4", "民政局更正床位数", "审核员");
		fixture.drop("市民政局", "床位_2021Q4.csv", csv, StandardCharsets.UTF_8);
		fixture.ingest();

		long accepted = fixture.submissionId("床位_2021Q4.csv");
		assertThat(accepted).isNotEqualTo(refused);
		assertThat(fixture.values(accepted)).containsExactly("T059-01 370306 2021Q4 = 321");
		assertThat(fixture.jdbc().sql("SELECT count(*) FROM warehouse.period_event WHERE period = '2021Q4'")
			.query(Long.class)
			.single()).as("both decisions recorded").isEqualTo(2);
	}

}
