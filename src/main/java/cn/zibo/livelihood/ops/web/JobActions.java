package cn.zibo.livelihood.ops.web;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.IngestJobConfiguration;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;

/**
 * What an operator can do from the page: restart a failed execution, run ingest or reconcile now. A
 * job may run for minutes, so the request only checks that the action makes sense and hands it to one
 * background thread; actions asked for together run one after another, and the runs page shows them
 * as they go.
 */
@ServeOnly
@Component
class JobActions implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobActions.class);

	private final Executions executions;

	private final Job ingestJob;

	private final Job reconcileJob;

	private final Runs runs;

	private final List<Job> jobs;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "operator-action");
		thread.setDaemon(true);
		return thread;
	});

	JobActions(Executions executions, @Qualifier(IngestJobConfiguration.JOB_NAME) Job ingestJob,
			@Qualifier(ReconcileJobConfiguration.JOB_NAME) Job reconcileJob, Runs runs, List<Job> jobs) {
		this.executions = executions;
		this.ingestJob = ingestJob;
		this.reconcileJob = reconcileJob;
		this.runs = runs;
		this.jobs = jobs;
	}

	/**
	 * Asks for a restart of a failed or stopped execution.
	 *
	 * @return why it cannot be restarted, or null when the restart was handed over
	 */
	String restart(long executionId, String by) {
		Runs.Run run = runs.detail(executionId).map(Runs.Detail::run).orElse(null);
		if (run == null) {
			return "没有编号为 #" + executionId + " 的运行记录。";
		}
		if (!run.restartable()) {
			return run.restartedAs() != null ? "运行 #" + executionId + " 已经重新运行过（#" + run.restartedAs() + "），无需再次重新运行。"
					: "运行 #" + executionId + " 的状态是“" + RunWords.INSTANCE.status(run.status())
							+ "”，只有失败或已停止的运行可以重新运行。";
		}
		Job job = jobs.stream().filter(j -> j.getName().equals(run.jobName())).findFirst().orElse(null);
		if (job == null) {
			return "运行 #" + executionId + " 的作业不属于本系统，无法在网页上重新运行。";
		}
		worker.execute(() -> {
			try {
				// recorded as the operator's, so that the runs page says who started the attempt
				var restarted = executions.restart(executionId, job, "operator " + by);
				log.info("{} restarted job execution {} as {}: {}", by, executionId, restarted.getId(), restarted.getStatus());
			}
			catch (Exception ex) {
				log.error("Restart of job execution {} asked by {} failed", executionId, by, ex);
			}
		});
		return null;
	}

	/** Starts a new ingest run in the background. */
	void ingestNow(String by) {
		runNow(ingestJob, "ingest (数据接收)", by);
	}

	/** Starts a new reconcile run in the background. */
	void reconcileNow(String by) {
		runNow(reconcileJob, "reconcile (核对)", by);
	}

	/** The run records who asked for it (job parameter {@code launched.by}: "operator NAME"). */
	private void runNow(Job job, String what, String by) {
		worker.execute(() -> {
			try {
				var run = executions.startNew(job, "operator " + by);
				log.info("{} ran {} now: job execution {} {}", by, what, run.getId(), run.getStatus());
			}
			catch (Exception ex) {
				log.error("{} asked by {} could not start", what, by, ex);
			}
		});
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
