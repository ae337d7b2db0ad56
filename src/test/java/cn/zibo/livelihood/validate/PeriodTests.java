package cn.zibo.livelihood.validate;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2024           | 2024
			2024年         | 2024
			2024年度       | 2024
			2024Q3         | 2024Q3
			2024-Q3        | 2024Q3
			2024年第三季度  | 2024Q3
			2024年三季度    | 2024Q3
			2024-07        | 2024-07
			202407         | 2024-07
			2024年7月      | 2024-07
			2024H1         | 2024H1
			2024年上半年    | 2024H1
			2024年下半年    | 2024H2
			２０２４Ｑ３     | 2024Q3
			""")
	void readsEveryFormTheContractLists(String cell, String code) {
		assertThat(Period.parse(cell)).map(Period::code).contains(code);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2024-09-01           | 2024-09
			2024-09-30 00:00:00  | 2024-09
			2024-02-29 08:30:00  | 2024-02
			2024/9/30            | 2024-09
			2024年9月30日         | 2024-09
			""")
	void aDateMeansItsMonthAsAnExcelDateCellReads(String cell, String code) {
		assertThat(Period.parse(cell)).map(Period::code).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "第三季度", "2023-02-29", "2024-13-01", "2024Q5", "2024-13", "24Q3", "上半年", "2024年第三季度累计完成情况" })
	void refusesWhatIsNotAPeriod(String cell) {
		assertThat(Period.parse(cell)).isEmpty();
	}

	@Test
	void findsThePeriodInATitleRowOrAFileName() {
		assertThat(Period.find("淄博市教育局2024年第三季度民生重点任务进展填报表")).map(Period::code).contains("2024Q3");
		assertThat(Period.find("市卫生健康委_2024H1_民生任务.xlsx")).map(Period::code).contains("2024H1");
		assertThat(Period.find("2024年7月完成情况")).map(Period::code).contains("2024-07");
		assertThat(Period.find("民政局2024年度报表")).map(Period::code).contains("2024");
		assertThat(Period.find("填报表")).isEmpty();
	}

	@Test
	void knowsWhereAPeriodEnds() {
		assertThat(Period.quarter(2024, 3).end()).isEqualTo(LocalDate.of(2024, 9, 30));
		assertThat(Period.month(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Period.half(2024, 1).end()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(Period.year(2023).end()).isEqualTo(LocalDate.of(2023, 12, 31));
	}

}
