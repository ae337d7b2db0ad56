package cn.zibo.livelihood.reconcile;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporting calendar departments are held to (reporting.department_completeness).
 *
 * @param frequency how often departments report: {@code monthly}, {@code quarterly},
 * {@code half-yearly} or {@code annual}
 * @param dueDays figures of a period are due this many days after it ends (the 10th day by default)
 */
@ConfigurationProperties("etl.calendar")
public record CalendarProperties(@DefaultValue("quarterly") Frequency frequency, @DefaultValue("10") int dueDays) {

	public CalendarProperties {
		if (dueDays < 0) {
			throw new IllegalArgumentException("etl.calendar.due-days must be 0 or more days; was " + dueDays);
		}
	}

	public enum Frequency {

		MONTHLY, QUARTERLY, HALF_YEARLY, ANNUAL;

		/** As warehouse.reporting_calendar stores it. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
