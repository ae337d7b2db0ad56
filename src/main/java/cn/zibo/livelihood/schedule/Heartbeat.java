package cn.zibo.livelihood.schedule;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.system.ThisProcess;

/**
 * This process's beat in {@code batch.instance_heartbeat}, and what the table says of another's.
 * <p>
 * A stale beat means its process is gone only if this process could have seen it beat: when the
 * database was out of reach for a while, every process's beat is old, and none of them is dead for
 * that. So staleness is trusted only once this process has itself beaten without a break for
 * {@code deadAfter}; until then (just started, or just back) only a pid on this machine can tell.
 */
final class Heartbeat {

	private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

	/** Another process's row: where it runs, and how long ago it beat (on the database's clock). */
	record Beat(String host, String pidNamespace, long pid, Duration age) {
	}

	private final JdbcClient jdbc;

	private final ThisProcess self;

	private final String instance;

	private final HeartbeatProperties settings;

	private long unbrokenSince = -1;

	private long lastBeat;

	Heartbeat(JdbcClient jdbc, ThisProcess self, String instance, HeartbeatProperties settings) {
		this.jdbc = jdbc;
		this.self = self;
		this.instance = instance;
		this.settings = settings;
	}

	/** Renews this process's beat; never throws (a beat missed is a beat missed). */
	synchronized void beat() {
		long now = System.nanoTime();
		try {
			jdbc.sql("""
					INSERT INTO batch.instance_heartbeat (process, instance, host, pid_namespace, pid)
					VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (process) DO UPDATE SET beat_at = now()""")
				.params(self.token(), instance, self.host(), self.pidNamespace(), self.pid())
				.update();
			if (unbrokenSince < 0 || now - lastBeat > settings.interval().multipliedBy(2).toNanos()) {
				unbrokenSince = now;
			}
			lastBeat = now;
		}
		catch (RuntimeException ex) {
			unbrokenSince = -1;
			log.warn("Heartbeat: could not renew this instance's beat: {}", ex.getMessage());
		}
	}

	/** Whether a beat older than {@code deadAfter} may be taken for a process that is gone. */
	synchronized boolean staleMeansDead() {
		long now = System.nanoTime();
		return unbrokenSince >= 0 && now - lastBeat <= settings.interval().multipliedBy(2).toNanos()
				&& now - unbrokenSince >= settings.deadAfter().toNanos();
	}

	Optional<Beat> of(String process) {
		return jdbc.sql("""
				SELECT host, pid_namespace, pid, extract(epoch FROM now() - beat_at) * 1000 FROM batch.instance_heartbeat
				WHERE process = ?""")
			.param(process)
			.query((rs, n) -> new Beat(rs.getString(1), rs.getString(2), rs.getLong(3), Duration.ofMillis(rs.getLong(4))))
			.optional();
	}

	/** On a clean stop: this process's runs are stopped by now, and nobody need judge it. */
	void end() {
		try {
			jdbc.sql("DELETE FROM batch.instance_heartbeat WHERE process = ? OR beat_at < now() - interval '7 days'")
				.param(self.token())
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Heartbeat: could not remove this instance's beat: {}", ex.getMessage());
		}
	}

	ThisProcess self() {
		return self;
	}

	Duration deadAfter() {
		return settings.deadAfter();
	}

	Duration interval() {
		return settings.interval();
	}

}
