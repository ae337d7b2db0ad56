package cn.zibo.livelihood.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;

/**
 * The Spring Batch jobs of this pipeline, by name: what a schedule may name. New jobs (reconcile,
 * reminders) become schedulable by being beans; nothing here lists them.
 */
final class BatchJobs {

	private final Map<String, Job> byName;

	BatchJobs(List<Job> jobs) {
		this.byName = jobs.stream().collect(Collectors.toUnmodifiableMap(Job::getName, Function.identity()));
	}

	Optional<Job> named(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	Set<String> names() {
		return byName.keySet();
	}

}
