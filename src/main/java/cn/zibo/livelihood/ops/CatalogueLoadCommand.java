package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import picocli.CommandLine.Command;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.jobs.CatalogueLoadJobConfiguration;

/** Runs the catalogue job and says what it did. */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = "(Re)load the catalogue from seeds/. Unchanged seeds change nothing; changed seeds make a new version.")
class CatalogueLoadCommand implements SpringTask {

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		Job job = context.getBean(CatalogueLoadJobConfiguration.JOB_NAME, Job.class);
		JobExecution execution = context.getBean(JobOperator.class).startNextInstance(job);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			out.println("Catalogue load (目录加载) " + execution.getStatus() + ", job execution " + execution.getId() + ":");
			execution.getAllFailureExceptions().forEach(ex -> out.println("  " + ex.getMessage()));
			return 1;
		}
		out.println("Catalogue (目录) " + execution.getExecutionContext().getString(CatalogueLoadJobConfiguration.OUTCOME_KEY)
				+ " [job execution " + execution.getId() + "]");
		return 0;
	}

}
