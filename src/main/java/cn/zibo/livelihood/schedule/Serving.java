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

/**
 * The unattended side of {@code serve}, in order: start-up recovery (synchronously, before anything
 * new can start), then the inbox watcher on its own thread. Starts just before the Quartz scheduler
 * (whose phase is the last) and so stops just after it stands by: on shutdown the watcher stops
 * looking, and runs of this instance are asked to stop at their next commit, to be restarted at the
 * next start-up, rather than being cut off mid-step.
 */
public final class Serving implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Serving.class);

	private final StartupRecovery recovery;

	private final InboxWatcher watcher;

	private final WatchProperties watch;

	private final Executions executions;

	private final List<Schedule> schedules;

	private ScheduledExecutorService looking;

	private volatile boolean running;

	Serving(StartupRecovery recovery, InboxWatcher watcher, WatchProperties watch, Executions executions,
			List<Schedule> schedules) {
		this.recovery = recovery;
		this.watcher = watcher;
		this.watch = watch;
		this.executions = executions;
		this.schedules = List.copyOf(schedules);
	}

	@Override
	public void start() {
		recovery.run();
		if (watch.enabled()) {
			looking = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "inbox-watcher");
				thread.setDaemon(true);
				return thread;
			});
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
		executions.stopRunningHere();
		if (looking != null) {
			try {
				if (!looking.awaitTermination(60, TimeUnit.SECONDS)) {
					log.warn("Inbox watcher: its ingest did not stop within 60 s");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

	/** What runs unattended, for the console of {@code serve}. */
	public List<String> describe() {
		List<String> lines = new ArrayList<>();
		lines.add("Schedules (作业计划):" + (schedules.isEmpty() ? " none" : ""));
		schedules.forEach(s -> lines.add("  " + s.describe()));
		lines.add("Inbox watcher (收件箱监视): " + (watch.enabled()
				? "looking at " + watcher.root().toAbsolutePath() + " every " + watch.interval() : "off"));
		return lines;
	}

}
