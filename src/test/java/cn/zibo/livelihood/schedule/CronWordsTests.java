package cn.zibo.livelihood.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CronWordsTests {

	@Test
	void theShapesSchedulesAreWrittenInReadInChinese() {
		assertThat(CronWords.of("0 30 2 * * ?")).hasValue("每天02:30");
		assertThat(CronWords.of("0 */10 8-18 ? * MON-FRI")).hasValue("工作日（周一至周五）8:00至18:50每10分钟");
		assertThat(CronWords.of("0 0/7 9-17 ? * MON-FRI")).hasValue("工作日（周一至周五）9:00至17:56每7分钟");
		assertThat(CronWords.of("0 0 9 ? * MON")).hasValue("每周一09:00");
		assertThat(CronWords.of("0 0 9 ? * MON,THU")).hasValue("每周一、周四09:00");
		assertThat(CronWords.of("0 15 * * * ?")).hasValue("每小时第15分");
		assertThat(CronWords.of("0 */5 * * * ?")).hasValue("每5分钟");
	}

	@Test
	void anythingElseIsLeftToTheExpressionItself() {
		assertThat(CronWords.of("0 0 12 1 * ?")).isEmpty(); // a day of the month
		assertThat(CronWords.of("0 0 12 ? 1 MON")).isEmpty(); // a month
		assertThat(CronWords.of("0 0 12 ? * 2L")).isEmpty();
		assertThat(CronWords.of("0 0 12 * * ? 2030")).isEmpty();
		assertThat(CronWords.of("0 0,30 12 * * ?")).isEmpty();
	}

}
