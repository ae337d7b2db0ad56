package cn.zibo.livelihood.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The heartbeat every {@code serve} keeps in the database, by which the others tell its runs alive.
 *
 * @param interval how often it beats
 * @param deadAfter a process whose beat is older than this is gone, and its runs marked running are
 * recovered; several intervals, so that a slow beat (a long pause, a busy database) is not taken for
 * a death
 */
@ConfigurationProperties("etl.heartbeat")
public record HeartbeatProperties(@DefaultValue("5s") Duration interval, @DefaultValue("30s") Duration deadAfter) {

	public HeartbeatProperties {
		if (interval.isNegative() || interval.isZero() || deadAfter.compareTo(interval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("etl.heartbeat.dead-after (" + deadAfter
					+ ") must be at least three times etl.heartbeat.interval (" + interval + "), which must be positive");
		}
	}

}
