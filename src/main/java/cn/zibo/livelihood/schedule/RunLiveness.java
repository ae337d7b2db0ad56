package cn.zibo.livelihood.schedule;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;

import cn.zibo.livelihood.jobs.NextRun;
import cn.zibo.livelihood.schedule.Heartbeat.Beat;
import cn.zibo.livelihood.system.ThisProcess;

/**
 * Whether a run marked running still has a process behind it, from the process it names (job
 * parameter {@code process}) and that process's heartbeat.
 * <p>
 * Why a heartbeat rather than the pid alone: a pid can be looked up only on its own machine, and
 * instances may share a database from several hosts; a beat in the database is seen from all of
 * them. The pid still answers at once where it can: a {@code serve} killed and started again at
 * once finds its predecessor's beat fresh, but its pid gone. A run whose process never beat (a
 * one-shot command, or a run older than the heartbeat) cannot be judged here: the caller falls
 * back to {@code etl.recover-after}.
 */
final class RunLiveness {

	enum Verdict {

		ALIVE, DEAD, UNKNOWN

	}

	private final Heartbeat heartbeat;

	RunLiveness(Heartbeat heartbeat) {
		this.heartbeat = heartbeat;
	}

	Verdict of(JobExecution run) {
		String process = run.getJobParameters().getString(NextRun.PROCESS);
		if (process == null) {
			return Verdict.UNKNOWN;
		}
		if (process.equals(heartbeat.self().token())) {
			return Verdict.ALIVE;
		}
		Optional<Beat> beat = heartbeat.of(process);
		if (beat.isEmpty()) {
			return Verdict.UNKNOWN;
		}
		if (pidGone(heartbeat.self(), beat.get())) {
			return Verdict.DEAD;
		}
		if (beat.get().age().compareTo(heartbeat.deadAfter()) < 0) {
			return Verdict.ALIVE;
		}
		return heartbeat.staleMeansDead() ? Verdict.DEAD : Verdict.UNKNOWN;
	}

	/** On this machine: no process has its pid, or this one has (a restarted container's pid 1, say). */
	private static boolean pidGone(ThisProcess self, Beat beat) {
		return self.seesPidsOf(beat.host(), beat.pidNamespace()) && (beat.pid() == self.pid() || !ThisProcess.alive(beat.pid()));
	}

}
