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
 * Periods 2066Q1 and 2066Q2, 2067Q1 and 2067Q2, and 2095 to 2099, belong to this class, and so do the twelve indicators
 * of {@link #aLargeResubmissionIsFoldedAsASmallOneIs}.
 */
@PipelineIntegrationTest
class FoldIntegrationTests {

	/** Periods of the large file: the months and quarters of 2095 to 2099. */
	private static final int PERIODS = 80;

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
		assertThat(valuesWithoutTheirHistoryRow("^2066")).as("the history's current rows are the values").isZero();
	}

	/**
	 * Files of co-leads and of another department taken at once, partitions side by side: folds of one
	 * indicator take turns and folds of others do not wait for them, and the values are those one file
	 * after another would leave. Periods 2067Q1 and 2067Q2.
	 */
	@Test
	void coLeadsAndAnotherDepartmentLoadedAtOnceFoldAsOneAfterAnother() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "折叠_同时_教育.csv", """
				指标编码,区县,报告期,数值
				T011-01,张店区,2067Q1,3
				T011-01,淄川区,2067Q1,4
				T011-02,张店区,2067Q1,10
				T011-02,淄川区,2067Q2,11
				""", StandardCharsets.UTF_8);
		fixture.drop("市科技局", "折叠_同时_科技.csv", """
				指标编码,区县,报告期,数值
				T011-01,张店区,2067Q1,5
				T011-01,博山区,2067Q1,6
				""", StandardCharsets.UTF_8);
		fixture.drop("市卫生健康委", "折叠_同时_卫生.csv", """
				指标编码,区县,报告期,数值
				T035-01,张店区,2067Q1,7
				T035-01,淄川区,2067Q1,8
				""", StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(jdbc.sql("SELECT status FROM reporting.submission WHERE file_name LIKE '折叠_同时_%'")
			.query(String.class)
			.list()).containsExactly("loaded", "loaded", "loaded");
		assertThat(jdbc.sql("""
				SELECT indicator_code || ' ' || district_code || ' ' || period || ' = ' || trim_scale(value)
				       || CASE WHEN derived THEN ' derived' ELSE '' END || CASE WHEN disputed THEN ' disputed' ELSE '' END
				FROM warehouse.current_value WHERE period LIKE '2067%' ORDER BY 1""").query(String.class).list())
			.as("the first lead's figure where co-leads differ, and each 全市 the sum of its districts")
			.containsExactly("T011-01 370300 2067Q1 = 13 derived", "T011-01 370302 2067Q1 = 4",
					"T011-01 370303 2067Q1 = 3 disputed", "T011-01 370304 2067Q1 = 6", "T011-02 370300 2067Q1 = 10 derived",
					"T011-02 370300 2067Q2 = 11 derived", "T011-02 370302 2067Q2 = 11", "T011-02 370303 2067Q1 = 10",
					"T035-01 370300 2067Q1 = 15 derived", "T035-01 370302 2067Q1 = 8", "T035-01 370303 2067Q1 = 7");
		assertThat(valuesWithoutTheirHistoryRow("^2067")).as("the history's current rows are the values").isZero();
	}

	/**
	 * From 10,000 keys on, the promotion and the fold join by hash whatever the statistics say (a
	 * large load into a warehouse whose statistics call it empty otherwise rescanned a table per key):
	 * the values, the 全市 sums and the history come out as they do for a small file.
	 */
	@Test
	void aLargeResubmissionIsFoldedAsASmallOneIs() throws Exception {
		fixture.reset();
		// 市卫生健康委's indicators that add up and that no other test class uses
		List<String> indicators = List.of("T029-01", "T035-01", "T035-02", "T036-02", "T036-03", "T037-01", "T037-02",
				"T037-03", "T039-01", "T039-02", "T049-02", "T049-03");
		List<String> districts = jdbc.sql("SELECT short_name FROM reporting.district WHERE code <> '370300' ORDER BY code")
			.query(String.class)
			.list();
		int figures = indicators.size() * districts.size() * PERIODS;
		assertThat(figures).as("enough figures for the large path").isGreaterThan(10_000);

		fixture.drop("市卫生健康委", "折叠_大文件.csv", largeFile(indicators, districts, 0), StandardCharsets.UTF_8);
		fixture.ingest();
		fixture.drop("市卫生健康委", "折叠_大文件_更正.csv", largeFile(indicators, districts, 1), StandardCharsets.UTF_8);
		fixture.ingest();

		assertThat(fixture.submission("折叠_大文件_更正.csv")).containsEntry("status", "loaded")
			.containsEntry("rows_updated", figures)
			.containsEntry("rows_new", 0);
		assertThat(fixture.submission("折叠_大文件.csv")).containsEntry("status", "superseded");
		assertThat(jdbc.sql("""
				SELECT count(*) FILTER (WHERE v.value = d.value + 1), count(*) FROM warehouse.current_value v
				JOIN (SELECT indicator_code, period, district_code, value FROM warehouse.fact
				      WHERE period ~ '^209[5-9]' AND NOT is_current) d USING (indicator_code, period, district_code)""")
			.query((rs, n) -> rs.getLong(1) + " of " + rs.getLong(2))
			.single()).as("every district's value is the resubmitted one").isEqualTo(figures + " of " + figures);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM warehouse.current_value c
				WHERE c.period ~ '^209[5-9]' AND c.district_code = '370300' AND c.derived
				  AND c.value = (SELECT sum(v.value) FROM warehouse.current_value v WHERE v.indicator_code = c.indicator_code
				                 AND v.period = c.period AND v.district_code <> '370300')""").query(Long.class).single())
			.as("a derived 全市 per indicator and period, the sum of its districts")
			.isEqualTo(indicators.size() * PERIODS);
		assertThat(valuesWithoutTheirHistoryRow("^209[5-9]")).as("the history's current rows are the values").isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM warehouse.current_value_history
				WHERE period ~ '^209[5-9]' AND valid_to IS NOT NULL""").query(Long.class).single())
			.as("the first file's values, and its 全市 sums, closed in the history")
			.isEqualTo(figures + indicators.size() * PERIODS);
	}

	/** Every indicator, district and period of {@link #PERIODS}; values from 1, plus {@code plus}. */
	private static String largeFile(List<String> indicators, List<String> districts, int plus) {
		StringBuilder csv = new StringBuilder("指标编码,区县,报告期,数值\n");
		int n = 0;
		for (String indicator : indicators) {
			for (String district : districts) {
				for (int p = 0; p < PERIODS; p++) {
					String period = p < 60 ? String.format("%d-%02d", 2095 + p / 12, p % 12 + 1)
							: (2095 + (p - 60) / 4) + "Q" + ((p - 60) % 4 + 1);
					csv.append(indicator).append(',').append(district).append(',').append(period).append(',')
						.append(1 + n++ % 40 + plus).append('\n');
				}
			}
		}
		return csv.toString();
	}

	/** Current values of the periods {@code periods} (a regular expression) matches that no current history row repeats. */
	private long valuesWithoutTheirHistoryRow(String periods) {
		return jdbc.sql("""
				SELECT count(*) FROM (
				    SELECT indicator_code, district_code, period, value, submission_id FROM warehouse.current_value
				    WHERE period ~ ?
				    EXCEPT
				    SELECT indicator_code, district_code, period, value, submission_id FROM warehouse.current_value_history
				    WHERE period ~ ? AND valid_to IS NULL) x""").params(periods, periods).query(Long.class).single();
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
