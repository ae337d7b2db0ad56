package cn.zibo.livelihood.jobs;

import java.nio.file.Path;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.zibo.livelihood.catalogue.CatalogueLoader;
import cn.zibo.livelihood.catalogue.LoadOutcome;

/**
 * {@code catalogue load}: one step that reads {@code seeds/} and stores it as a catalogue version.
 * The catalogue is small (a few hundred rows), so the step is a single tasklet in one transaction:
 * either the whole version lands or none of it. The outcome is left in the job's execution context
 * for whoever launched it.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueLoadJobConfiguration {

	public static final String JOB_NAME = "catalogueLoadJob";

	public static final String OUTCOME_KEY = "catalogue.outcome";

	/** What the load did, in the operator's words. */
	public static final String OUTCOME_WORDS_KEY = "catalogue.outcome.words";

	public static final String VERSION_KEY = "catalogue.version";

	/** Optional job parameter: a seeds folder other than {@code etl.seeds}. */
	public static final String SEEDS_PARAMETER = "seeds";

	@Bean
	Job catalogueLoadJob(JobRepository jobRepository, Step catalogueLoadStep) {
		// No incrementer: Batch 6 ignores the parameters given to start() when a job has one, and this
		// job takes a seeds folder. NextRun numbers the runs instead.
		return new JobBuilder(JOB_NAME, jobRepository).start(catalogueLoadStep).build();
	}

	@Bean
	Step catalogueLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CatalogueLoader loader) {
		return new StepBuilder("catalogueLoadStep", jobRepository).tasklet((contribution, chunkContext) -> {
			String seeds = contribution.getStepExecution().getJobParameters().getString(SEEDS_PARAMETER);
			LoadOutcome outcome = (seeds == null) ? loader.load() : loader.load(Path.of(seeds));
			if (outcome.kind() == LoadOutcome.Kind.CREATED) {
				contribution.incrementWriteCount(outcome.catalogue().indicators().size());
			}
			var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
			context.putString(OUTCOME_KEY, outcome.describe());
			context.putString(OUTCOME_WORDS_KEY, outcome.inChinese());
			context.putInt(VERSION_KEY, outcome.versionId());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
