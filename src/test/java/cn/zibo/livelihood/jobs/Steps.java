package cn.zibo.livelihood.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** A job run's steps, in the order they ran, with the counts Spring Batch recorded for each. */
final class Steps {

	private Steps() {
	}

	static Map<String, String> counts(JobExecution run) {
		Map<String, String> counts = new LinkedHashMap<>();
		run.getStepExecutions()
			.stream()
			.sorted(java.util.Comparator.comparing(StepExecution::getId))
			.forEach(step -> counts.put(step.getStepName(), "read " + step.getReadCount() + ", write " + step.getWriteCount()
					+ ", filter " + step.getFilterCount() + ", skip " + step.getSkipCount()));
		return counts;
	}

}
