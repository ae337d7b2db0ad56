package cn.zibo.livelihood.ops.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is looking (for the menu) and how times and numbers read. */
@ServeOnly
@ControllerAdvice(assignableTypes = { OverviewPage.class, RunsPage.class, SubmissionsPage.class, LoginPage.class,
		DepartmentPage.class, SchedulesPage.class, PeriodsPage.class, ProgressWorkbookPage.class, ChasePage.class })
class PageModel {

	@ModelAttribute("viewer")
	Viewer viewer(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return Viewer.of(authentication);
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return Formats.INSTANCE;
	}

	/** The Chinese an operator reads for the codes of runs, statuses and findings, and for numbers. */
	@ModelAttribute("ops")
	OperatorWords operatorWords() {
		return OperatorWords.INSTANCE;
	}

	@ModelAttribute("rw")
	RunWords runWords() {
		return RunWords.INSTANCE;
	}

	/** The Chinese a department clerk reads for codes, periods, dates and counts. */
	@ModelAttribute("zh")
	ClerkWords words() {
		return ClerkWords.INSTANCE;
	}

	/** Times in the server's zone, to the second; bars' widths; rates as percentages. */
	static final class Formats {

		static final Formats INSTANCE = new Formats();

		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		public String time(Object value) {
			if (value instanceof LocalDateTime local) {
				return TIME.format(local);
			}
			if (value instanceof java.sql.Timestamp timestamp) {
				return TIME.format(timestamp.toLocalDateTime());
			}
			if (value instanceof OffsetDateTime offset) {
				return TIME.format(offset.atZoneSameInstant(ZoneId.systemDefault()));
			}
			return value == null ? "" : value.toString();
		}

		/** A width in pixels for a bar, out of {@code full} for the largest value. */
		public long bar(long value, long max, int full) {
			return max <= 0 ? 0 : Math.round((double) value * full / max);
		}

		/** A rate (0.3333) as a percentage to one decimal (33.3%); a dash when there is none. */
		public String percent(Object rate) {
			if (!(rate instanceof Number number)) {
				return "–";
			}
			return new BigDecimal(number.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
		}

		/** A width in pixels for a rate, out of {@code full} for 100% (more is drawn as 100%). */
		public long share(Object rate, int full) {
			if (!(rate instanceof Number number)) {
				return 0;
			}
			return Math.round(Math.max(0, Math.min(1, number.doubleValue())) * full);
		}

	}

}
