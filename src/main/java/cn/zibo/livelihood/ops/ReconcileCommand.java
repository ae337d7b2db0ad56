package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.jobs.Causes;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;
import cn.zibo.livelihood.ops.text.Words;

/** Runs the reconcile job and lists the findings it leaves open. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = "核对已入库的数据：牵头部门数值不一致、区县之和不符、累计值下降、异常值。")
class ReconcileCommand implements SpringTask {

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N",
			description = "列出最新的多少个待核实差异（默认 ${DEFAULT-VALUE}）；全部见 reporting.discrepancy")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		Job job = context.getBean(ReconcileJobConfiguration.JOB_NAME, Job.class);
		JobExecution run = context.getBean(Executions.class).startNew(job);
		out.printf("数据核对（第%d次运行）：%s%n", run.getId(), Words.runStatus(run.getStatus().name()));
		if (run.getStatus() != BatchStatus.COMPLETED) {
			Causes.of(run).forEach(ex -> out.println("  原因：" + ex.getMessage()));
			return 1;
		}
		out.println("核对结果：" + run.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY));
		OpenFindings.print(context.getBean(JdbcClient.class), out, limit, true);
		return 0;
	}

}
