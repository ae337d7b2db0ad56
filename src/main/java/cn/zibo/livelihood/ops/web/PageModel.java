package cn.zibo.livelihood.ops.web;

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
@ControllerAdvice(assignableTypes = { OverviewPage.class, RunsPage.class, SubmissionsPage.class, LoginPage.class })
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

	/** Times in the server's zone, to the second; durations in seconds or minutes. */
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

		public String duration(Double seconds) {
			if (seconds == null) {
				return "";
			}
			if (seconds < 60) {
				return String.format("%.1f s", seconds);
			}
			long s = Math.round(seconds);
			return String.format("%d min %02d s", s / 60, s % 60);
		}

		/** A width in pixels for a bar, out of {@code full} for the largest value. */
		public long bar(long value, long max, int full) {
			return max <= 0 ? 0 : Math.round((double) value * full / max);
		}

	}

}
