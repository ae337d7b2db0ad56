package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.jobs.Causes;
import cn.zibo.livelihood.jobs.CatalogueLoadJobConfiguration;
import cn.zibo.livelihood.jobs.NextRun;

/** Runs the catalogue job and says what it did. */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = "从 seeds/ 重新加载目录：来源未变则不变，来源有变则成为新版本。")
class CatalogueLoadCommand implements SpringTask {

	@Option(names = "--seeds", paramLabel = "DIR", description = "从这个文件夹加载，而不是设置 etl.seeds 所指的")
	Path seeds;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		Job job = context.getBean(CatalogueLoadJobConfiguration.JOB_NAME, Job.class);
		JobParametersBuilder parameters = context.getBean(NextRun.class).parameters("command");
		if (seeds != null) {
			parameters.addString(CatalogueLoadJobConfiguration.SEEDS_PARAMETER, seeds.toAbsolutePath().toString());
		}
		JobExecution execution = context.getBean(JobOperator.class).start(job, parameters.toJobParameters());
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			out.println("目录加载未完成（作业运行#" + execution.getId() + "）：");
			Causes.of(execution).forEach(ex -> out.println("  原因：" + ex.getMessage()));
			return 1;
		}
		out.println(execution.getExecutionContext().getString(CatalogueLoadJobConfiguration.OUTCOME_WORDS_KEY) + "。（作业运行#"
				+ execution.getId() + "）");
		return 0;
	}

}
