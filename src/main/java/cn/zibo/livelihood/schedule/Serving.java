package cn.zibo.livelihood.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.system.DatabaseProbe;

/**
 * The unattended side of {@code serve}, in order: the heartbeat, each beat followed by the recovery
 * of runs abandoned since, on its own thread (no ingest may hold up a beat); start-up recovery
 * (synchronously, before anything new can start); then the inbox watcher, on its own thread, and
 * the reconciliation after its runs, on another ({@link ReconcileQueue}). Starts
 * just before the Quartz scheduler (whose phase is the last) and so stops just after it stands by:
 * on shutdown the watcher stops looking, runs of this instance are asked to stop at their next
 * commit, to be restarted at the next start-up, rather than being cut off mid-step, and the
 * heartbeat ends last.
 */
public final class Serving implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Serving.class);

	private final Heartbeat heartbeat;

	private final StartupRecovery recovery;

	private final InboxWatcher watcher;

	private final WatchProperties watch;

	private final Executions executions;

	private final List<Schedule> schedules;

	private final ReconcileQueue reconciling;

	private final DatabaseProbe database;

	private ScheduledExecutorService looking;

	private ScheduledExecutorService beating;

	private volatile boolean running;

	Serving(Heartbeat heartbeat, StartupRecovery recovery, InboxWatcher watcher, ReconcileQueue reconciling,
			WatchProperties watch, Executions executions, List<Schedule> schedules, DatabaseProbe database) {
		this.reconciling = reconciling;
		this.heartbeat = heartbeat;
		this.recovery = recovery;
		this.watcher = watcher;
		this.watch = watch;
		this.executions = executions;
		this.schedules = List.copyOf(schedules);
		this.database = database;
	}

	@Override
	public void start() {
		heartbeat.beat();
		// beating while start-up recovery finishes a restarted ingest, however long it takes: others
		// must not take it for abandoned (their recovery waits for this one's lock meanwhile)
		beating = daemon("heartbeat");
		long beat = heartbeat.interval().toMillis();
		beating.scheduleWithFixedDelay(() -> {
			heartbeat.beat();
			recovery.recoverAbandoned();
		}, beat, beat, TimeUnit.MILLISECONDS);
		if (recovery.run()) {
			// a watcher's run, restarted, ends with its receipts, as it began
			reconciling.request();
		}
		if (watch.enabled()) {
			looking = daemon("inbox-watcher");
			looking.scheduleWithFixedDelay(watcher::look, 0, watch.interval().toMillis(), TimeUnit.MILLISECONDS);
			log.info("Inbox watcher: looking at {} every {}", watcher.root().toAbsolutePath(), watch.interval());
		}
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		if (looking != null) {
			looking.shutdown();
		}
		reconciling.stopTaking();
		// With the database gone, nothing can be recorded: asking would wait out the pool's 30 s, and
		// the runs of this process are recovered at the next start-up anyway.
		boolean reachable = database.check().reachable();
		if (reachable) {
			executions.stopRunningHere();
		}
		else {
			log.warn("Stopping without recording: the database {} does not answer", database.database());
		}
		if (looking != null) {
			try {
				// (a watcher waiting for a dead database is a daemon thread and is left behind)
				int wait = reachable ? 60 : 2;
				if (!looking.awaitTermination(wait, TimeUnit.SECONDS)) {
					log.warn("Inbox watcher: its ingest did not stop within {} s", wait);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		reconciling.awaitStopped(reachable ? 60 : 2);
		if (beating != null) {
			// a beat under way must end before the data source closes, or it logs a failure on every stop
			beating.shutdownNow();
			try {
				beating.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (reachable) {
			heartbeat.end();
		}
	}

	private static String seconds(java.time.Duration duration) {
		long millis = duration.toMillis();
		return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
	}

	private static ScheduledExecutorService daemon(String name) {
		return Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

	/** What runs unattended, for the console of {@code serve}, in Chinese. */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add("  收件箱：" + watcher.root().toAbsolutePath() + (watch.enabled()
				? "（每" + seconds(watch.interval()) + "秒查看一次，文件放入即接收）" : "（未监视，按作业计划接收）"));
		lines.add("  作业计划：" + (schedules.isEmpty() ? "无" : ""));
		schedules.forEach(s -> lines.add("    " + s.describe()));
		return lines;
	}

}
