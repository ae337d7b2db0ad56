package cn.zibo.livelihood.reconcile;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules reporting.indicator_progress applies, as the database computes them, for every
 * comparator and basis, including one the catalogue has no indicator for ({@code <=}).
 */
@PipelineIntegrationTest
class ProgressRulesIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}, deadline {1}, period ending {2}: {3}")
	@CsvSource({
			// the plan's window, 2022-01-01 .. deadline (1096 days to 2024-12-31)
			"cumulative, 2024-12-31, 2024-12-31, 1.0000", // period ends on the deadline
			"cumulative, 2024-12-31, 2025-03-31, 1.0000", // after it
			"cumulative, 2024-12-31, 2021-12-31, 0.0000", // the day before the plan starts
			"cumulative, 2024-12-31, 2021-09-30, 0.0000", // well before
			"cumulative, 2024-12-31, 2022-01-01, 0.0009", // its first day: 1/1096
			"cumulative, 2024-12-31, 2023-06-30, 0.4982", // 546/1096
			"level,      2022-12-31, 2022-06-30, 0.4959", // 181/365 of a one-year window
			"level,      2024-12-31, 2023-12-31, 0.6661", // 730/1096
			"level,      ,           2023-12-31, 0.6661", // no deadline: the plan's end
			// annual targets: the period's calendar year
			"annual,     ,           2024-09-30, 0.7486", // 274/366, a leap year
			"annual,     ,           2023-09-30, 0.7479", // 273/365
			"annual,     ,           2023-03-31, 0.2466", // 90/365
			"annual,     ,           2023-12-31, 1.0000", // the year's end
			"annual,     ,           2021-12-31, 1.0000", // a year before the plan is still its own window
	})
	void expectedRateIsTheElapsedShareOfTheWindowClampedToZeroAndOne(String basis, String deadline, String periodEnd,
			BigDecimal expected) {
		BigDecimal rate = jdbc.sql("SELECT warehouse.expected_rate(?, ?::date, ?::date)")
			.params(basis, deadline, periodEnd)
			.query(BigDecimal.class)
			.single();

		assertThat(rate).isEqualByComparingTo(expected);
	}

	@ParameterizedTest(name = "{0} {1}, value {2}, expected {3}: {4} {5}")
	@CsvSource({
			">=, 100,   100,   1.0, 1.0000, achieved",
			">=, 100,   120,   0.5, 1.2000, achieved",
			">=, 100,   60,    0.5, 0.6000, on_track",
			">=, 100,   50,    0.5, 0.5000, on_track", // level with time
			">=, 100,   40,    0.5, 0.4000, behind",
			"<=, 10,    8,     1.0, 1.2500, achieved", // a ceiling: target / value
			"<=, 10,    10,    1.0, 1.0000, achieved",
			"<=, 10,    20,    0.4, 0.5000, on_track",
			"<=, 10,    20,    0.6, 0.5000, behind",
			"<=, 10,    0,     1.0,       , achieved", // no rate for a zero value, but under the ceiling
			"=,  27,    27,    1.0, 1.0000, achieved",
			"=,  27,    26.9,  1.0, 0.9963, achieved", // within 0.5% (rounding)
			"=,  27,    30,    1.0, 1.1111, achieved", // beyond the amount to reach
			"=,  27,    26,    1.0, 0.9630, behind",
			"=,  27,    26,    0.9, 0.9630, on_track",
			"≈,  49000, 46550, 1.0, 0.9500, achieved", // 左右: from 95%
			"≈,  49000, 52000, 1.0, 1.0612, achieved",
			"≈,  49000, 46000, 1.0, 0.9388, behind",
			"≈,  49000, 46000, 0.9, 0.9388, on_track",
			">=, 100,        , 0.5,       , no_data",
	})
	void completionRateAndStatusFollowTheComparator(String comparator, BigDecimal target, BigDecimal value,
			BigDecimal expectedRate, BigDecimal completion, String status) {
		BigDecimal rate = jdbc.sql("SELECT warehouse.completion_rate(?, ?::numeric, ?::numeric)")
			.params(comparator, target, value)
			.query((rs, n) -> rs.getBigDecimal(1))
			.list()
			.get(0);
		String actual = jdbc.sql("SELECT warehouse.progress_status(?, ?::numeric, ?::numeric, ?::numeric, ?::numeric)")
			.params(comparator, target, value, rate, expectedRate)
			.query(String.class)
			.single();

		if (completion == null) {
			assertThat(rate).isNull();
		}
		else {
			assertThat(rate).isEqualByComparingTo(completion);
		}
		assertThat(actual).isEqualTo(status);
	}

}
