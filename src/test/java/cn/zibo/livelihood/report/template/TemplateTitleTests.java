package cn.zibo.livelihood.report.template;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's title carries its period in Chinese, and the ingest reads the same period back. */
class TemplateTitleTests {

	private static final Department EDU = new Department("edu", "市教育局", "Municipal Education Bureau", List.of(), false);

	@Test
	void theTitleWritesThePeriodInChinese() {
		assertThat(title(Period.quarter(2024, 3))).isEqualTo("市教育局2024年第三季度民生重点任务进展填报表");
		assertThat(title(Period.quarter(2024, 1))).isEqualTo("市教育局2024年第一季度民生重点任务进展填报表");
		assertThat(title(Period.half(2023, 2))).isEqualTo("市教育局2023年下半年民生重点任务进展填报表");
		assertThat(title(Period.month(2024, 7))).isEqualTo("市教育局2024年7月民生重点任务进展填报表");
		assertThat(title(Period.year(2024))).isEqualTo("市教育局2024年度民生重点任务进展填报表");
	}

	@Test
	void everyKindOfPeriodIsFoundAgainInTheTitle() {
		for (Period period : List.of(Period.year(2022), Period.half(2023, 1), Period.half(2023, 2), Period.quarter(2024, 1),
				Period.quarter(2024, 2), Period.quarter(2024, 3), Period.quarter(2024, 4), Period.month(2024, 1),
				Period.month(2024, 10), Period.month(2024, 12))) {
			assertThat(Period.find(title(period))).as(title(period)).contains(period);
		}
	}

	@Test
	void theHintRowUnderTheTitleHoldsNoDigitThatCouldBeTakenForAPeriod() {
		assertThat(TemplateSheet.HINT).doesNotContainPattern("\\d");
	}

	private static String title(Period period) {
		return new Template(EDU, period, 1, "sha", List.of()).title();
	}

}
