package cn.zibo.livelihood.warehouse;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting.indicator_value_history: a department loads its figures, then corrects them; the values
 * as known before the correction and after it are both there to be read, and the progress read by
 * the workbook comes from the same history. Period 2071Q3 belongs to this class.
 */
@PipelineIntegrationTest
class ValueHistoryIntegrationTests {

	private static final String AS_KNOWN = """
			SELECT indicator_code || ' ' || district_code || ' = ' || trim_scale(value) || CASE WHEN derived THEN ' derived' ELSE '' END
			FROM reporting.indicator_value_history
			WHERE period = '2071Q3' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
			ORDER BY 1""";

	@Autowired
	IngestFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFiguresAsKnownBeforeAndAfterAResubmissionAreBothThere() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "历史_2071Q3.csv", """
				指标编码,区县,报告期,数值
				T002-01,全市,2071Q3,10
				T002-02,张店区,2071Q3,3
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long first = fixture.submissionId("历史_2071Q3.csv");
		OffsetDateTime loaded = validFrom(first);
		fixture.drop("市教育局", "历史_2071Q3_更正.csv", """
				指标编码,区县,报告期,数值
				T002-01,全市,2071Q3,12
				T002-02,张店区,2071Q3,5
				""", StandardCharsets.UTF_8);
		fixture.ingest();
		long second = fixture.submissionId("历史_2071Q3_更正.csv");
		OffsetDateTime corrected = validFrom(second);

		List<String> before = asKnown(corrected.minusNanos(1000));
		List<String> after = asKnown(corrected);
		List<String> beforeTheFirst = asKnown(loaded.minusNanos(1000));

		assertThat(loaded).isBefore(corrected);
		assertThat(beforeTheFirst).isEmpty();
		assertThat(before).containsExactly("T002-01 370300 = 10", "T002-02 370300 = 3 derived", "T002-02 370303 = 3");
		assertThat(after).containsExactly("T002-01 370300 = 12", "T002-02 370300 = 5 derived", "T002-02 370303 = 5");
		assertThat(jdbc.sql("""
				SELECT indicator_code || ' ' || district_code || ' #' || coalesce(submission_id::text, '-')
				       || CASE WHEN valid_to = ? THEN ' until corrected' WHEN valid_to IS NULL THEN ' current' ELSE ' ?' END
				FROM reporting.indicator_value_history WHERE period = '2071Q3' AND indicator_code = 'T002-01' ORDER BY valid_from""")
			.param(corrected)
			.query(String.class)
			.list()).as("one row per value anyone could see, none for the moment between supersede and insert")
			.containsExactly("T002-01 370300 #" + first + " until corrected", "T002-01 370300 #" + second + " current");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (
				    SELECT indicator_code, district_code, period, value, submission_id, derived FROM reporting.indicator_value
				    WHERE period = '2071Q3'
				    EXCEPT
				    SELECT indicator_code, district_code, period, value, submission_id, derived FROM reporting.indicator_value_history
				    WHERE period = '2071Q3' AND valid_to IS NULL) x""").query(Long.class).single())
			.as("today's values are the history's current rows")
			.isZero();
	}

	@Test
	void theProgressAtAPeriodsEndReadsTheSameHistory() throws Exception {
		fixture.reset();
		fixture.drop("市教育局", "历史进度_2071Q4.csv", "指标编码,区县,报告期,数值\nT003-03,全市,2071Q4,20000\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		OffsetDateTime loaded = validFrom(fixture.submissionId("历史进度_2071Q4.csv"));
		fixture.drop("市教育局", "历史进度_2071Q4_更正.csv", "指标编码,区县,报告期,数值\nT003-03,全市,2071Q4,25000\n",
				StandardCharsets.UTF_8);
		fixture.ingest();

		String progress = """
				SELECT trim_scale(value) || ' ' || latest_period || ' ' || status FROM reporting.indicator_progress_as_known(?, ?)
				WHERE indicator_code = 'T003-03' AND district_code = '370300'""";
		assertThat(jdbc.sql(progress).params(java.sql.Date.valueOf("2071-12-31"), loaded).query(String.class).single())
			.isEqualTo("20000 2071Q4 behind");
		assertThat(jdbc.sql(progress).params(java.sql.Date.valueOf("2071-12-31"), null).query(String.class).single())
			.isEqualTo("25000 2071Q4 behind");
		assertThat(jdbc.sql("""
				SELECT trim_scale(value) FROM reporting.indicator_progress_at(DATE '2071-12-31')
				WHERE indicator_code = 'T003-03' AND district_code = '370300'""").query(String.class).single())
			.isEqualTo("25000");
	}

	private List<String> asKnown(OffsetDateTime moment) {
		return jdbc.sql(AS_KNOWN).params(moment, moment).query(String.class).list();
	}

	private OffsetDateTime validFrom(long submission) {
		return jdbc.sql("SELECT min(valid_from) FROM reporting.indicator_value_history WHERE submission_id = ?")
			.param(submission)
			.query(OffsetDateTime.class)
			.single();
	}

}
