package cn.zibo.livelihood.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reporting.department_completeness against the default calendar (quarterly, due 10 days after the
 * quarter). Files arrive now, so each is dated back to the day the scenario says it arrived.
 * 市工业和信息化局 (task 82: T082-00, T082-01 annual), 市生态环境局 (task 105: T105-00, T105-01 due to
 * 2024) and 淄博银保监分局 (task 45: T045-00, T045-01 due to 2024) belong to this class.
 */
@PipelineIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentCompletenessIntegrationTests {

	@Autowired
	IngestFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reconciler reconciler;

	@Autowired
	CurrentCatalogue catalogue;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeAll
	void departmentsReported() throws Exception {
		fixture.reset();
		arrives("市工业和信息化局", "工信_2024Q2.csv", "T082-00,,2024Q2,推进中\nT082-01,,2024Q2,6%\n", "2024-07-10 15:00+08");
		arrives("市工业和信息化局", "工信_2024Q2(更正).csv", "T082-00,,2024Q2,推进中\nT082-01,,2024Q2,6.5%\n",
				"2024-08-01 09:00+08");
		arrives("市生态环境局", "生态_2024Q2.csv", "T105-00,,2024Q2,推进中\nT105-01,,2024Q2,55%\n", "2024-07-20 10:00+08");
		arrives("市生态环境局", "生态_2024Q3.csv", "T105-00,,2024Q3,推进中\n", "2024-10-08 10:00+08");
		reconciler.run();
	}

	@Test
	void onTimeLateAndMissingDepartmentsOfOneQuarter() {
		assertThat(completeness("2024Q2")).containsExactly("淄博银保监分局 2 0 false missing 2024-07-10 -",
				"市生态环境局 2 2 false late 2024-07-10 2024-07-20",
				// complete on the due day; a correction after it does not make it late
				"市工业和信息化局 2 2 true on_time 2024-07-10 2024-08-01");
	}

	@Test
	void anIncompleteQuarterAndTargetsNoLongerDueAfterTheirDeadline() {
		assertThat(completeness("2024Q3")).contains("市生态环境局 2 1 false incomplete 2024-10-10 2024-10-08");
		assertThat(completeness("2025Q2")).as("T105-01 and T045-01 were due to 2024; annual T082-01 every year")
			.containsExactly("淄博银保监分局 1 0 false missing 2025-07-10 -", "市生态环境局 1 0 false missing 2025-07-10 -",
					"市工业和信息化局 2 0 false missing 2025-07-10 -");
	}

	@Test
	void groupLeadsHaveNoInboxAndAreNotHeldToTheCalendar() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM reporting.department_completeness c
				JOIN reporting.department d ON d.code = c.department_code WHERE d.is_group""").query(Long.class).single())
			.isZero();
	}

	@Test
	void theCalendarComesFromTheSettingsOfTheLastReconcileRun() {
		Reconciler monthly = new Reconciler(jdbc, catalogue, new ReconcileProperties(Map.of()),
				new CalendarProperties(CalendarProperties.Frequency.MONTHLY, 5), transactionManager);
		try {
			monthly.run();

			assertThat(jdbc.sql("SELECT period || ' ' || period_end || ' ' || due_date FROM reporting.reporting_period"
					+ " WHERE period IN ('2022-01', '2024-06')").query(String.class).list())
				.containsExactly("2022-01 2022-01-31 2022-02-05", "2024-06 2024-06-30 2024-07-05");
			assertThat(completeness("2024-06")).as("the quarter's figures stand as at June's end, but were due on the 5th")
				.contains("市工业和信息化局 2 2 false late 2024-07-05 2024-08-01");
		}
		finally {
			reconciler.run();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM reporting.reporting_period WHERE period = '2024Q2'").query(Long.class).single())
			.isOne();
	}

	private void arrives(String department, String file, String rows, String receivedAt) throws Exception {
		fixture.drop(department, file, "指标编码,区县,报告期,数值\n" + rows, StandardCharsets.UTF_8);
		fixture.ingest();
		jdbc.sql("UPDATE warehouse.submission SET received_at = ?::timestamptz WHERE submission_id = ?")
			.params(receivedAt, fixture.submissionId(file))
			.update();
	}

	/** "department expected reported on_time status due_date last_submission_date" of this class's departments. */
	private List<String> completeness(String period) {
		return jdbc.sql("""
				SELECT concat_ws(' ', department, expected, reported, coalesce(on_time::text, '-'), status, due_date,
				                 coalesce((last_submission_at AT TIME ZONE 'Asia/Shanghai')::date::text, '-'))
				FROM reporting.department_completeness
				WHERE period = ? AND department_code IN ('industry', 'eco-env', 'cbirc') ORDER BY department_code""")
			.param(period)
			.query(String.class)
			.list();
	}

}
