package cn.zibo.livelihood.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings along one indicator's series in one district (沂源县, 370323): a running total that falls,
 * and a figure far off its series by the robust z-score (|z| > 3.5 over at least 4 observations).
 * Periods of 2033, 2034 and 2035 belong to this class.
 */
@PipelineIntegrationTest
class SeriesFindingsIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	Reconciler reconciler;

	@Autowired
	JdbcClient jdbc;

	Findings findings;

	@BeforeEach
	void emptyInboxAndLoadedCatalogue() {
		fixture.reset();
		findings = new Findings(jdbc);
	}

	@Test
	void aRunningTotalFallingBetweenPeriodEndsIsACumulativeDecreaseUntilCorrected() throws Exception {
		// T107-03 智慧物业示范点 (个, cumulative). Periods of three kinds, compared by where they end:
		// 2033Q1 (03-31) 50, 2033-05 (05-31) 52, 2033H1 (06-30) 48: only the half-year falls.
		fixture.drop("市住房城乡建设局", "智慧物业_2033Q1.csv", "指标编码,区县,报告期,数值\nT107-03,沂源县,2033Q1,50\n",
				StandardCharsets.UTF_8);
		fixture.drop("市住房城乡建设局", "智慧物业_2033上半年.csv", """
				指标编码,区县,报告期,数值
				T107-03,沂源县,2033-05,52
				T107-03,沂源县,2033H1,48
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long may = fixture.submissionId("智慧物业_2033上半年.csv");

		reconciler.run();

		assertThat(findings.of("cumulative_decrease", "T107-03")).containsExactly("2033H1 370323 open");
		assertThat((String) findings.one("cumulative_decrease", "T107-03", "370323", "2033H1").get("details"))
			.isEqualTo("累计值下降：2033年5月为 52个，2033年上半年降为 48个（减少 4）。该指标是2022年以来的累计数，不应减少。"
					+ "2033年5月的数据来自市住房城乡建设局报送#" + may + "《智慧物业_2033上半年.csv》，2033年上半年的数据来自市住房城乡建设局报送#"
					+ may + "《智慧物业_2033上半年.csv》。请核对并更正有误的一期。");

		fixture.drop("市住房城乡建设局", "智慧物业_2033H1(更正).csv", "指标编码,区县,报告期,数值\nT107-03,沂源县,2033H1,53\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		reconciler.run();

		assertThat(findings.of("cumulative_decrease", "T107-03")).containsExactly("2033H1 370323 closed");
	}

	@Test
	void aFigureFarOffItsSeriesIsAnOutlierByTheRobustZScoreUntilCorrected() throws Exception {
		// T069-03 养老护理员人数 (人, level): 400, 410, 405, then 4100 (a slipped digit); median 407.5,
		// MAD 5 floored at 5% of the median = 20.375, z = 0.6745 × 3692.5 / 20.375 = 122.2.
		// T061-02 日间照料中心 (处, cumulative): increases 10, 10, 10, 360; median 10, MAD 0 floored at
		// 0.5, z = 0.6745 × 350 / 0.5 = 472.2. T061-01 (cumulative) has only two increases: not judged.
		fixture.drop("市民政局", "养老_2034.csv", """
				指标编码,区县,报告期,数值
				T069-03,沂源县,2034Q1,400
				T069-03,沂源县,2034Q2,410
				T069-03,沂源县,2034Q3,405
				T069-03,沂源县,2034Q4,4100
				T061-02,沂源县,2034Q1,10
				T061-02,沂源县,2034Q2,20
				T061-02,沂源县,2034Q3,30
				T061-02,沂源县,2034Q4,40
				T061-02,沂源县,2035Q1,400
				T061-01,沂源县,2034Q1,1
				T061-01,沂源县,2034Q2,2
				T061-01,沂源县,2034Q3,100
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long file = fixture.submissionId("养老_2034.csv");

		reconciler.run();

		assertThat(findings.of("outlier", "T069-03")).containsExactly("2034Q4 370323 open");
		assertThat(findings.of("outlier", "T061-02")).containsExactly("2035Q1 370323 open");
		assertThat(findings.of("outlier", "T061-01")).isEmpty();
		assertThat((String) findings.one("outlier", "T069-03", "370323", "2034Q4").get("details"))
			.isEqualTo("2034年第四季度数值为 4,100人，偏离该序列各期数值的中位数 407.5人 过远（稳健z值 122.2，超过3.5即视为异常，依据 4 个数据点）。"
					+ "数据来自市民政局报送#" + file + "《养老_2034.csv》。请核对数值、单位（万、亿）和小数点。");
		assertThat((String) findings.one("outlier", "T061-02", "370323", "2035Q1").get("details"))
			.startsWith("2035年第一季度比上期增加 360处，偏离该序列各期增量的中位数 10处 过远（稳健z值 472.2，");

		// A resubmission replaces all the department's figures of its period, so it repeats T061-02.
		fixture.drop("市民政局", "养老_2034Q4(更正).csv", """
				指标编码,区县,报告期,数值
				T069-03,沂源县,2034Q4,415
				T061-02,沂源县,2034Q4,40
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		reconciler.run();

		assertThat(findings.of("outlier", "T069-03")).containsExactly("2034Q4 370323 closed");
		assertThat(findings.of("outlier", "T061-02")).containsExactly("2035Q1 370323 open");

		// Only series whose figures changed are looked at again; the others' findings stay as they were.
		Map<String, Object> before = findings.one("outlier", "T061-02", "370323", "2035Q1");
		fixture.drop("市民政局", "养老_2035Q2.csv", "指标编码,区县,报告期,数值\nT069-03,沂源县,2035Q2,420\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		reconciler.run();

		Map<String, Object> after = findings.one("outlier", "T061-02", "370323", "2035Q1");
		assertThat(after).containsEntry("status", "open")
			.containsEntry("discrepancy_id", before.get("discrepancy_id"))
			.containsEntry("details", before.get("details"));
		assertThat(after.get("last_seen_at")).as("seen again").isNotEqualTo(before.get("last_seen_at"));
		assertThat(findings.of("outlier", "T069-03")).containsExactly("2034Q4 370323 closed");
	}

}
