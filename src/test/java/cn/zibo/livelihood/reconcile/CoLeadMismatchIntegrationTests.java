package cn.zibo.livelihood.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.ingest.IngestFixture;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Task 63 has two leads, 市民政局 (first) and 市国资委: when they disagree the first lead's figure is the
 * consolidated one unless a setting prefers the other, and the disagreement is a finding until one
 * of them corrects its file. Periods 2031Q1 and 2031Q2 belong to this class.
 */
@PipelineIntegrationTest
class CoLeadMismatchIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Executions executions;

	@Autowired
	Job reconcileJob;

	@Autowired
	Reconciler reconciler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrentCatalogue catalogue;

	@Autowired
	PlatformTransactionManager transactionManager;

	Findings findings;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
		findings = new Findings(jdbc);
	}

	@Test
	void coLeadsDisagreeingOpenAFindingNamingBothFiguresAndFilesUntilACorrectionClosesIt() throws Exception {
		fixture.drop("市民政局", "民政_2031Q1.csv", "指标编码,区县,报告期,数值\nT063-01,全市,2031Q1,12\n", StandardCharsets.UTF_8);
		fixture.drop("市国资委", "国资_2031Q1.csv", "指标编码,区县,报告期,数值\nT063-01,全市,2031Q1,14\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long civil = fixture.submissionId("民政_2031Q1.csv");
		long sasac = fixture.submissionId("国资_2031Q1.csv");

		JobExecution first = executions.startNew(reconcileJob);
		var afterFirst = findings.all();
		JobExecution second = executions.startNew(reconcileJob);

		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(second.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY)).contains("新发现0个", "已解决0个");
		assertThat(findings.all()).as("a second run changes no finding").isEqualTo(afterFirst);
		Map<String, Object> finding = findings.one("co_lead_mismatch", "T063-01", "370300", "2031Q1");
		assertThat(finding).containsEntry("status", "open").containsEntry("indicator_name", "新增养老机构");
		assertThat((String) finding.get("details")).isEqualTo("牵头部门填报的数值不一致：市民政局 填报 12家（报送#" + civil
				+ "《民政_2031Q1.csv》）；市国资委 填报 14家（报送#" + sasac + "《国资_2031Q1.csv》）。"
				+ "汇总采用市民政局的数值（任务所列牵头部门中排名最前的）。请相关部门核对，由填错的一方重新报送。");
		assertThat(consolidated("T063-01", "2031Q1")).isEqualTo("12 市民政局 " + civil);

		// ingest reconciles after every run that changed figures, so the correction's own run closes it
		fixture.drop("市国资委", "国资_2031Q1(更正).csv", "指标编码,区县,报告期,数值\nT063-01,全市,2031Q1,12\n",
				StandardCharsets.UTF_8);
		JobExecution correction = fixture.ingest();

		assertThat(correction.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY)).as("closed by the ingest")
			.doesNotContain("已解决0个");
		assertThat(findings.of("co_lead_mismatch", "T063-01")).containsExactly("2031Q1 370300 closed");
		assertThat(findings.one("co_lead_mismatch", "T063-01", "370300", "2031Q1").get("closed_at")).isNotNull();
	}

	@Test
	void aPreferredLeadSettingMakesThatLeadsFigureTheConsolidatedOne() throws Exception {
		fixture.drop("市民政局", "民政_2031Q2.csv", "指标编码,区县,报告期,数值\nT063-02,全市,2031Q2,80%\n", StandardCharsets.UTF_8);
		fixture.drop("市国资委", "国资_2031Q2.csv", "指标编码,区县,报告期,数值\nT063-02,全市,2031Q2,82%\n", StandardCharsets.UTF_8);
		fixture.ingest();
		long sasac = fixture.submissionId("国资_2031Q2.csv");
		Reconciler preferringSasac = reconcilerWith(Map.of("t063-02", "市国资委"));

		try {
			preferringSasac.run();

			assertThat(consolidated("T063-02", "2031Q2")).isEqualTo("82 市国资委 " + sasac);
			assertThat((String) findings.one("co_lead_mismatch", "T063-02", "370300", "2031Q2").get("details"))
				.contains("汇总采用市国资委的数值（由设置 etl.reconcile.preferred-lead 指定）");
		}
		finally {
			reconciler.run();
		}
		assertThat(consolidated("T063-02", "2031Q2")).as("without the setting, the first lead's again").startsWith("80 市民政局");
	}

	@Test
	void aPreferredLeadThatIsNoLeadOfTheTaskOrAnUnknownIndicatorIsRefusedNamingEverySetting() {
		Reconciler wrong = reconcilerWith(Map.of("T063-02", "市教育局", "T999-01", "civil"));

		assertThatThrownBy(wrong::run).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("etl.reconcile.preferred-lead.T063-02=市教育局: 市教育局 does not lead task 63")
			.hasMessageContaining("etl.reconcile.preferred-lead.T999-01=civil: no indicator T999-01");
	}

	private Reconciler reconcilerWith(Map<String, String> preferredLeads) {
		return new Reconciler(jdbc, catalogue, new ReconcileProperties(preferredLeads),
				new CalendarProperties(CalendarProperties.Frequency.QUARTERLY, 10), transactionManager);
	}

	/** "value department submission" of the consolidated 全市 figure. */
	private String consolidated(String indicator, String period) {
		return jdbc.sql("""
				SELECT trim_scale(value) || ' ' || department || ' ' || submission_id FROM reporting.indicator_value
				WHERE indicator_code = ? AND district_code = '370300' AND period = ?""")
			.params(indicator, period)
			.query(String.class)
			.single();
	}

}
