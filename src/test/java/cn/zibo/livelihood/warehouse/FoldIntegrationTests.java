package cn.zibo.livelihood.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One current fact per department, indicator, district and period, and one consolidated value per
 * indicator, district and period, without a unique index on the facts: the promotion and the fold
 * keep them so. Two co-leads of task 11 (市教育局 first, 市科技局 second) report the same keys; the
 * first lead resubmits a period, dropping one of its figures, in a file that also opens a new period.
 * Periods 2066Q1 and 2066Q2 belong to this class.
 */
@PipelineIntegrationTest
class FoldIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResubmissionAndACoLeadLeaveOneCurrentFactPerDepartmentAndOneValuePerKey() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "折叠_教育_2066Q1.csv", """
				指标编码,区县,报告期,数值
				T011-01,全市,2066Q1,12
				T011-02,全市,2066Q1,80
				""", StandardCharsets.UTF_8);
		fixture.drop("市科技局", "折叠_科技_2066Q1.csv", "指标编码,区县,报告期,数值\nT011-01,全市,2066Q1,14\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long first = fixture.submissionId("折叠_教育_2066Q1.csv");
		long coLead = fixture.submissionId("折叠_科技_2066Q1.csv");
		assertThat(consolidated()).containsExactly("T011-01 2066Q1 = 12 #" + first + " disputed",
				"T011-02 2066Q1 = 80 #" + first);

		// the same period again (staged, supersedes every current fact of it, T011-02 too) and a new one
		fixture.drop("市教育局", "折叠_教育_2066Q1_更正.csv", """
				指标编码,区县,报告期,数值
				T011-01,全市,2066Q1,13
				T011-01,全市,2066Q2,15
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long second = fixture.submissionId("折叠_教育_2066Q1_更正.csv");

		assertThat(fixture.submission("折叠_教育_2066Q1_更正.csv")).containsEntry("status", "loaded")
			.containsEntry("rows_new", 1)
			.containsEntry("rows_updated", 1);
		assertThat(fixture.submission("折叠_教育_2066Q1.csv")).containsEntry("status", "superseded")
			.containsEntry("superseded_by", second);
		assertThat(currentFacts()).containsExactly("edu T011-01 2066Q1 = 13 #" + second,
				"edu T011-01 2066Q2 = 15 #" + second, "sci-tech T011-01 2066Q1 = 14 #" + coLead);
		assertThat(jdbc.sql("""
				SELECT department_code || ' ' || indicator_code || ' ' || period || ' = ' || trim_scale(value)
				       || ' superseded by #' || superseded_by
				FROM warehouse.fact WHERE period LIKE '2066%' AND NOT is_current ORDER BY 1""").query(String.class).list())
			.as("the superseded figures are kept")
			.containsExactly("edu T011-01 2066Q1 = 12 superseded by #" + second,
					"edu T011-02 2066Q1 = 80 superseded by #" + second);
		assertThat(consolidated()).containsExactly("T011-01 2066Q1 = 13 #" + second + " disputed",
				"T011-01 2066Q2 = 15 #" + second);

		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM warehouse.fact WHERE is_current
				                      GROUP BY department_code, indicator_code, district_code, period
				                      HAVING count(*) > 1) x""").query(Long.class).single())
			.as("one current fact per department and key, in the whole warehouse")
			.isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM warehouse.current_value_history WHERE valid_to IS NULL
				                      GROUP BY indicator_code, district_code, period HAVING count(*) > 1) x""")
			.query(Long.class)
			.single()).as("one current value per key in the history").isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (
				    SELECT indicator_code, district_code, period, value, submission_id FROM warehouse.current_value
				    WHERE period LIKE '2066%'
				    EXCEPT
				    SELECT indicator_code, district_code, period, value, submission_id FROM warehouse.current_value_history
				    WHERE period LIKE '2066%' AND valid_to IS NULL) x""").query(Long.class).single())
			.as("the history's current rows are the values")
			.isZero();
	}

	private List<String> currentFacts() {
		return jdbc.sql("""
				SELECT department_code || ' ' || indicator_code || ' ' || period || ' = ' || trim_scale(value) || ' #' || submission_id
				FROM warehouse.fact WHERE period LIKE '2066%' AND is_current ORDER BY 1""").query(String.class).list();
	}

	private List<String> consolidated() {
		return jdbc.sql("""
				SELECT indicator_code || ' ' || period || ' = ' || trim_scale(value) || ' #' || submission_id
				       || CASE WHEN disputed THEN ' disputed' ELSE '' END
				FROM warehouse.current_value WHERE period LIKE '2066%' AND district_code = '370300' ORDER BY 1""")
			.query(String.class)
			.list();
	}

}
