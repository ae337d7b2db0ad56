package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;
import cn.zibo.livelihood.ops.text.Words;

/** Runs the reconcile job and lists the findings it leaves open. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = "Reconcile the loaded figures (核对): co-lead disagreements, district sums, falling running totals,"
				+ " outliers. Findings go to reporting.discrepancy; those a later submission fixed are closed.")
class ReconcileCommand implements SpringTask {

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N",
			description = "how many open findings to list, newest first (default ${DEFAULT-VALUE}); all are in reporting.discrepancy")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		Job job = context.getBean(ReconcileJobConfiguration.JOB_NAME, Job.class);
		JobExecution run = context.getBean(Executions.class).startNew(job);
		out.printf("数据核对（第%d次运行）：%s%n", run.getId(), Words.runStatus(run.getStatus().name()));
		if (run.getStatus() != BatchStatus.COMPLETED) {
			run.getAllFailureExceptions().forEach(ex -> out.println("  原因：" + ex.getMessage()));
			return 1;
		}
		out.println("核对结果：" + run.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY));
		OpenFindings.print(context.getBean(JdbcClient.class), out, limit, true);
		return 0;
	}

}
