package cn.zibo.livelihood.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting.indicator_progress and its roll-ups over figures loaded through the real ingest. Each
 * district of an indicator stands for one point in time: inside the window, on the deadline, after
 * it, before the plan starts. Indicators T004-01, T030-01, T098-01 and T104-01 belong to this class.
 */
@PipelineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorProgressIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void departmentsReported() throws Exception {
		fixture.reset();
		// T004-01 省级特色高中 >= 10 所, cumulative to 2024-12-31, adds up
		fixture.drop("市教育局", "特色高中.csv", """
				指标编码,区县,报告期,数值
				T004-01,沂源县,2021Q4,1
				T004-01,文昌湖区,2022Q4,3
				T004-01,文昌湖区,2023Q2,6
				T004-01,经济开发区,2024Q4,9
				T004-01,高青县,2025Q1,10
				""", StandardCharsets.UTF_8);
		// T030-01 智慧化预防接种门诊 = 136 处, level at 2024-12-31, adds up
		fixture.drop("市卫生健康委", "接种门诊.csv", """
				指标编码,区县,报告期,数值
				T030-01,沂源县,2023Q4,120
				T030-01,文昌湖区,2024Q4,120
				T030-01,经济开发区,2024Q4,130
				T030-01,经济开发区,2024,136
				""", StandardCharsets.UTF_8);
		// T098-01 发放文旅惠民消费券 >= 3,000,000 元 every year, adds up
		fixture.drop("市文化和旅游局", "消费券.csv", """
				指标编码,区县,报告期,数值
				T098-01,沂源县,2029Q4,300万
				T098-01,沂源县,2030Q3,200万
				T098-01,文昌湖区,2030Q2,160万
				T098-01,经济开发区,2030,310万
				""", StandardCharsets.UTF_8);
		// T104-01 公园式单位、村庄(社区)占比 ≈ 40 %, level at 2024-12-31, a rate
		fixture.drop("市城市管理局", "公园城市.csv", """
				指标编码,区县,报告期,数值,备注
				T104-01,全市,2024Q4,38.5%,
				T104-01,沂源县,2024Q4,37%,
				T104-01,文昌湖区,2023Q4,30%,
				T104-00,全市,2024Q4,推进中,公园城市建设按计划推进
				""", StandardCharsets.UTF_8);
		fixture.ingest();
	}

	@Test
	void aCumulativeTargetIsJudgedByTheLatestRunningTotalAgainstTheShareOfThePlanElapsed() {
		assertThat(progress("T004-01")).containsExactly(
				"370300 2025Q1 10 1.0000 1.0000 achieved derived", // the districts' sum, after the deadline
				"370322 2025Q1 10 1.0000 1.0000 achieved", // after the deadline
				"370323 2021Q4 1 0.1000 0.0000 on_track", // before the plan starts
				"ZB-JKQ 2024Q4 9 0.9000 1.0000 behind", // on the deadline
				"ZB-WCH 2023Q2 6 0.6000 0.4982 on_track"); // inside: 546 of 1096 days; 2022Q4 is older
	}

	@Test
	void anEqualsLevelTargetTakesTheLongestPeriodOfTheLatestDay() {
		assertThat(progress("T030-01")).containsExactly("370300 2024 136 1.0000 1.0000 achieved derived",
				"370323 2023Q4 120 0.8824 0.6661 on_track", "ZB-JKQ 2024 136 1.0000 1.0000 achieved",
				"ZB-WCH 2024Q4 120 0.8824 1.0000 behind");
	}

	@Test
	void anAnnualTargetComparesTheLatestPeriodWithinItsYearToTheShareOfThatYear() {
		assertThat(progress("T098-01")).containsExactly("370300 2030 3100000 1.0333 1.0000 achieved derived",
				"370323 2030Q3 2000000 0.6667 0.7479 behind", "ZB-JKQ 2030 3100000 1.0333 1.0000 achieved",
				"ZB-WCH 2030Q2 1600000 0.5333 0.4959 on_track");
	}

	@Test
	void anAboutTargetIsReachedFromNinetyFivePercent() {
		assertThat(progress("T104-01")).containsExactly("370300 2024Q4 38.5 0.9625 1.0000 achieved",
				"370323 2024Q4 37 0.9250 1.0000 behind", "ZB-WCH 2023Q4 30 0.7500 0.6661 on_track");
	}

	@Test
	void everyQuantitativeIndicatorHasOneCityRowSoThoseWithoutFiguresShowNoData() {
		assertThat(progress("T060-05")).containsExactly("370300 - - - - no_data");
		assertThat(jdbc.sql("SELECT count(*) || ' ' || count(DISTINCT indicator_code) FROM reporting.indicator_progress"
				+ " WHERE district_code = '370300'").query(String.class).single()).isEqualTo("128 128");
	}

	@Test
	void rollUpsCountStatusesAndAverageCappedCompletionPerTaskSectionCampaignAndDepartment() {
		assertThat(row("""
				SELECT indicators, achieved, on_track, behind, no_data, average_completion, reported_status,
				       reported_status_period FROM reporting.task_progress WHERE task_no = 104""")).isEqualTo(
						"1 1 0 0 0 0.9625 in_progress 2024Q4");
		assertThat(row("SELECT indicators, achieved, no_data, average_completion FROM reporting.task_progress WHERE task_no = 4"))
			.as("T004-01 achieved, T004-02 and -03 without figures").isEqualTo("3 1 2 1.0000");
		// other test classes load figures of 市城市管理局's other tasks into this shared warehouse, so the
		// department's row is checked as the sum of its tasks' rows, its average over their indicators
		assertThat(row("""
				SELECT tasks, indicators, achieved, on_track, behind, no_data, average_completion
				FROM reporting.department_progress WHERE department = '市城市管理局'""")).isEqualTo(row("""
				SELECT count(*), sum(t.indicators), sum(t.achieved), sum(t.on_track), sum(t.behind), sum(t.no_data),
				       (SELECT round(avg(completion), 4) FROM warehouse.task_indicator_progress p
				         WHERE p.task_no IN (SELECT task_no FROM reporting.task WHERE '市城市管理局' = ANY (lead_departments)))
				FROM reporting.task_progress t
				WHERE t.task_no IN (SELECT task_no FROM reporting.task WHERE '市城市管理局' = ANY (lead_departments))"""));
		assertThat(row("SELECT tasks >= 3 AND achieved >= 1 FROM reporting.department_progress WHERE department = '市城市管理局'"))
			.as("task 104's indicator, achieved, among them").isEqualTo("true");
		assertThat(row("SELECT sum(tasks) || ' ' || sum(indicators) || ' ' || count(*) FROM reporting.campaign_progress"))
			.isEqualTo("113 128 5");
		assertThat(row("SELECT sum(tasks) || ' ' || sum(indicators) || ' ' || count(*) FROM reporting.section_progress"))
			.isEqualTo("113 128 34");
		assertThat(row("""
				SELECT count(*) FROM reporting.campaign_progress
				WHERE achieved + on_track + behind + no_data <> indicators""")).isEqualTo("0");
	}

	/** "district period value completion expected status [derived]", blanks as "-". */
	private List<String> progress(String indicator) {
		return jdbc.sql("""
				SELECT concat_ws(' ', district_code, coalesce(latest_period, '-'), coalesce(trim_scale(value)::text, '-'),
				                 coalesce(completion_rate::text, '-'), coalesce(expected_rate::text, '-'), status,
				                 CASE WHEN derived THEN 'derived' END)
				FROM reporting.indicator_progress WHERE indicator_code = ? ORDER BY district_code""")
			.param(indicator)
			.query(String.class)
			.list();
	}

	private String row(String sql) {
		return jdbc.sql("SELECT concat_ws(' ', VARIADIC ARRAY(SELECT x FROM json_each_text(row_to_json(q)) AS j(k, x)))"
				+ " FROM (" + sql + ") q").query(String.class).single();
	}

}
