package cn.zibo.livelihood.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodHeadingTests {

	@ParameterizedTest(name = "{0} in 2030 is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2024年1月   | 2024-01
			2024Q1     | 2024Q1
			2024年上半年 | 2024H1
			2024年      | 2024
			2024-09-01 | 2024-09
			1月         | 2030-01
			12月份      | 2030-12
			十一月      | 2030-11
			一季度      | 2030Q1
			第四季度    | 2030Q4
			Q2         | 2030Q2
			上半年      | 2030H1
			下半年      | 2030H2
			全年        | 2030
			""")
	void readsPeriodHeadingsWithOrWithoutTheirYear(String heading, String code) {
		assertThat(PeriodHeading.parse(heading)).map(h -> h.in(2030).code()).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "13月", "第五季度", "1-9月", "全年目标", "各月完成情况", "月", "数值" })
	void refusesHeadingsThatAreNoPeriod(String heading) {
		assertThat(PeriodHeading.parse(heading)).isEmpty();
	}

	@Test
	void findsTheYearOfATitleOrAFileName() {
		assertThat(PeriodHeading.yearIn("淄博市城市管理局2062年1-9月民生重点任务完成情况")).contains(2062);
		assertThat(PeriodHeading.yearIn("城管分区县_2063年.csv")).contains(2063);
		assertThat(PeriodHeading.yearIn("城管月报.csv")).isEmpty();
		assertThat(PeriodHeading.parse("8月")).hasValueSatisfying(h -> assertThat(h.hasYear()).isFalse());
	}

}
