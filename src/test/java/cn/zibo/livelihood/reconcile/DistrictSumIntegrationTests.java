package cn.zibo.livelihood.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Districts against 全市: a mismatch when the districts' sum exceeds the reported city figure, or all
 * eleven reported and fall short, beyond 0.5% (at least 0.01); and a derived 全市 where only districts
 * reported an indicator that adds up. Periods 2032Q1–Q4 and 2036Q1 belong to this class.
 */
@PipelineIntegrationTest
class DistrictSumIntegrationTests {

	private static final String ALL_ELEVEN = "淄川区,张店区,博山区,临淄区,周村区,桓台县,高青县,沂源县,高新区,经济开发区,文昌湖区";

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
	void districtsNotAddingUpToTheReportedCityOpenAMismatchAndACorrectedFileClosesIt() throws Exception {
		// T083-02 市级以上重点龙头企业 (家, level, adds up), reported by 市农业农村局.
		fixture.drop("市农业农村局", "龙头企业_2032.csv", """
				指标编码,报告期,全市,%s
				T083-02,2032Q1,220,110,120,,,,,,,,,
				T083-02,2032Q2,220,101,120,,,,,,,,,
				T083-02,2032Q3,220,,120,,,,,,,,,
				T083-02,2032Q4,220,100,110,0,0,0,0,0,0,0,0,0
				""".formatted(ALL_ELEVEN), StandardCharsets.UTF_8);
		fixture.ingest();
		long file = fixture.submissionId("龙头企业_2032.csv");

		reconciler.run();

		assertThat(findings.of("district_sum_mismatch", "T083-02")).as("Q2 within tolerance (221 vs 220 ± 1.1), Q3 incomplete")
			.containsExactly("2032Q1 370300 open", "2032Q4 370300 open");
		assertThat((String) findings.one("district_sum_mismatch", "T083-02", "370300", "2032Q1").get("details"))
			.isEqualTo("区县合计 230家 与全市填报 220家 不符，相差 10（容差为全市数的0.5%，至少0.01）。已报 2/11 个区县：淄川区 110、张店区 120。"
					+ "全市数来自市农业农村局报送#" + file + "《龙头企业_2032.csv》。请核对全市数，或补报、更正区县数。");
		assertThat((String) findings.one("district_sum_mismatch", "T083-02", "370300", "2032Q4").get("details"))
			.startsWith("区县合计 210家 与全市填报 220家 不符，相差 -10（")
			.contains("已报 11/11 个区县");

		fixture.drop("市农业农村局", "龙头企业_2032Q1(更正).csv", """
				指标编码,报告期,全市,淄川区,张店区
				T083-02,2032Q1,220,100,120
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		reconciler.run();

		assertThat(findings.of("district_sum_mismatch", "T083-02")).containsExactly("2032Q1 370300 closed",
				"2032Q4 370300 open");
	}

	@Test
	void onlyDistrictsReportingDeriveTheCityAsTheirSumForIndicatorsThatAddUpButNeverForRates() throws Exception {
		// 市住房城乡建设局 leads tasks 109 and 112: 农村公路 adds up, 人均应急避难场所面积 is a rate.
		fixture.drop("市住房城乡建设局", "住建_2036Q1.csv", """
				指标编码,区县,报告期,数值
				T109-02,张店区,2036Q1,30
				T109-02,淄川区,2036Q1,12.5
				T109-01,全市,2036Q1,50
				T109-01,张店区,2036Q1,20
				T112-02,张店区,2036Q1,2.6
				T112-02,淄川区,2036Q1,2.4
				""", StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(cityRows("2036Q1")).containsExactly("T109-01 50 derived=false 市住房城乡建设局 submission",
				"T109-02 42.5 derived=true 市住房城乡建设局 no submission");
		assertThat(jdbc.sql("SELECT count(*) FROM reporting.indicator_value WHERE derived AND indicator_code IN"
				+ " (SELECT indicator_code FROM reporting.indicator WHERE NOT additive)")
			.query(Long.class)
			.single()).as("no rate is ever summed").isZero();
	}

	private List<String> cityRows(String period) {
		return jdbc.sql("""
				SELECT indicator_code || ' ' || trim_scale(value) || ' derived=' || derived || ' ' || department || ' '
				       || CASE WHEN submission_id IS NULL THEN 'no submission' ELSE 'submission' END
				FROM reporting.indicator_value WHERE district_code = '370300' AND period = ? ORDER BY 1""")
			.param(period)
			.query(String.class)
			.list();
	}

}
