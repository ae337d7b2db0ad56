package cn.zibo.livelihood.warehouse;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Closed reporting periods: signed off by the city office, no longer taking submissions. */
@Component
public class PeriodLocks {

	private final JdbcClient jdbc;

	PeriodLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void close(String period, String reason, String actor) {
		record("close", period, reason, actor);
	}

	public void reopen(String period, String reason, String actor) {
		record("reopen", period, reason, actor);
	}

	public boolean isClosed(String period) {
		return !closedAmong(List.of(period)).isEmpty();
	}

	/** Which of these periods are closed now. */
	public List<String> closedAmong(Collection<String> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT period FROM reporting.period_status WHERE closed AND period = ANY (?) ORDER BY period")
			.param(periods.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** One close or reopen, as recorded. */
	public record PeriodEvent(long eventId, String period, boolean close, String reason, String actor, OffsetDateTime at) {
	}

	/** The latest closes and reopens of any period, newest first. */
	public List<PeriodEvent> history(int limit) {
		return jdbc.sql("""
				SELECT event_id, period, action = 'close' AS close, reason, actor, at
				FROM warehouse.period_event ORDER BY event_id DESC LIMIT ?""")
			.param(limit)
			.query(PeriodEvent.class)
			.list();
	}

	private void record(String action, String period, String reason, String actor) {
		jdbc.sql("INSERT INTO warehouse.period_event (period, action, reason, actor) VALUES (?, ?, ?, ?)")
			.params(period, action, reason, actor)
			.update();
	}

}
