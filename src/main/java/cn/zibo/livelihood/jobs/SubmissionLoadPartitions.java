package cn.zibo.livelihood.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import cn.zibo.livelihood.warehouse.Submissions;

/**
 * Splits the waiting submissions into the partitions of {@code submissionLoadStep}: one per
 * department with files waiting, so that a drop of several departments' files (the usual case: one
 * file each) is a partition per submission, loaded side by side, while one department's files are
 * still processed one after another in the order received (a later file replaces the values of an
 * earlier one, never the reverse). The grid size is ignored: the pool running the partitions, not
 * their number, bounds how many files load at once.
 * <p>
 * A partition is named after its department. A run restarted after a crash splits again: Spring
 * Batch then skips a partition whose department's step execution completed, and restarts, from its
 * own execution context, one that did not. Named by position instead, a restart would give a
 * department still waiting the name of one that completed, and skip it. What a partition processed
 * before the crash is committed and no longer waiting, so it processes only what is left.
 */
final class SubmissionLoadPartitions implements Partitioner {

	/** The key of a partition's department in its execution context ({@code ""}: no department's folder). */
	static final String DEPARTMENT = "department";

	private final Submissions submissions;

	SubmissionLoadPartitions(Submissions submissions) {
		this.submissions = submissions;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<String> departments = submissions.departmentsWaiting();
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (String department : departments) {
			ExecutionContext context = new ExecutionContext();
			context.putString(DEPARTMENT, department);
			partitions.put("partition-" + (department.isEmpty() ? "(no department)" : department), context);
		}
		return partitions;
	}

}
