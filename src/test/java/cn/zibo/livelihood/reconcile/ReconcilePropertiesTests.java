package cn.zibo.livelihood.reconcile;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings bind from properties as an operator writes them. */
class ReconcilePropertiesTests {

	@Test
	void preferredLeadsAreKeyedByIndicatorCodeWhateverCaseTheKeyArrivesIn() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("etl.reconcile.preferred-lead.T029-02", "health",
				"etl.reconcile.preferred-lead.t063-01", " 市国资委 ")));

		ReconcileProperties properties = binder.bind("etl.reconcile", ReconcileProperties.class).get();

		assertThat(properties.preferredLead()).containsExactlyInAnyOrderEntriesOf(Map.of("T029-02", "health", "T063-01", "市国资委"));
	}

	@Test
	void theCalendarDefaultsToQuarterlyDueOnTheTenthDayAndTakesHalfYearlyAsWritten() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of("etl.other", "x")));
		Binder halfYearly = new Binder(new MapConfigurationPropertySource(Map.of("etl.calendar.frequency", "half-yearly",
				"etl.calendar.due-days", "15")));

		CalendarProperties defaults = none.bindOrCreate("etl.calendar", CalendarProperties.class);
		CalendarProperties configured = halfYearly.bind("etl.calendar", CalendarProperties.class).get();

		assertThat(defaults).isEqualTo(new CalendarProperties(CalendarProperties.Frequency.QUARTERLY, 10));
		assertThat(configured).isEqualTo(new CalendarProperties(CalendarProperties.Frequency.HALF_YEARLY, 15));
		assertThat(configured.frequency().code()).isEqualTo("half_yearly");
	}

}
