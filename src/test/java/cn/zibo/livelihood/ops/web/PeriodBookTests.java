package cn.zibo.livelihood.ops.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.zibo.livelihood.validate.Period;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodBookTests {

	@Test
	void theFirstChosenPeriodIsTheLatestWithFiguresElseTheLatestDue() {
		LocalDate today = LocalDate.now();
		PeriodBook.Row running = row("2030Q4", today.plusDays(40), 0);
		PeriodBook.Row due = row("2030Q3", today.minusDays(5), 0);
		PeriodBook.Row withFigures = row("2030Q2", today.minusDays(90), 12);

		assertThat(PeriodBook.latestWithDataOrDue(List.of(running, due, withFigures))).containsSame(withFigures);
		assertThat(PeriodBook.latestWithDataOrDue(List.of(running, due))).containsSame(due);
		assertThat(PeriodBook.latestWithDataOrDue(List.of(running))).isEmpty();
	}

	@Test
	void aPeriodAskedForThatIsNotListedIsOfferedFirst() {
		PeriodBook.Row listed = row("2030Q2", LocalDate.of(2030, 7, 10), 1);

		assertThat(PeriodBook.including(List.of(listed), Period.quarter(2030, 2))).containsExactly(listed);
		assertThat(PeriodBook.including(List.of(listed), Period.quarter(2031, 1))).extracting(PeriodBook.Row::name)
			.containsExactly("2031年第一季度", "2030年第二季度");
	}

	private static PeriodBook.Row row(String code, LocalDate due, long figures) {
		Period period = Period.parse(code).orElseThrow();
		return new PeriodBook.Row(period, ClerkWords.INSTANCE.period(code), due, figures, false, null, null, null);
	}

}
