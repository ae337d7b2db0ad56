package cn.zibo.livelihood.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pipeline's own counters, labelled by department code ({@code unknown} for a folder that names
 * no department, so that a stray folder cannot multiply the series). A processed submission is
 * counted when the surrounding transaction commits: one rolled back by a crash and processed again
 * on restart is counted once. Exposed by {@code serve} at {@code /actuator/prometheus} as {@code livelihood_files_received_total},
 * {@code livelihood_submissions_processed_total}, {@code livelihood_figures_loaded_total} and
 * {@code livelihood_figures_rejected_total}.
 */
@Component
class IngestMetrics {

	static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	IngestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Called once the claim has committed (in its own transaction). */
	void fileReceived(String departmentCode) {
		counter("livelihood.files.received", "Files taken from the inbox (收到的文件)", departmentCode).increment();
	}

	void submissionProcessed(String departmentCode, String status, int figures, int loaded) {
		afterCommit(() -> {
			Counter.builder("livelihood.submissions.processed")
				.description("Submissions processed, by outcome (报送处理结果)")
				.tag("department", label(departmentCode))
				.tag("status", status)
				.register(registry)
				.increment();
			counter("livelihood.figures.loaded", "Figures loaded into the warehouse (入库数据)", departmentCode).increment(loaded);
			counter("livelihood.figures.rejected", "Figures not loaded (未入库数据)", departmentCode)
				.increment(Math.max(0, figures - loaded));
		});
	}

	private Counter counter(String name, String description, String departmentCode) {
		return Counter.builder(name).description(description).tag("department", label(departmentCode)).register(registry);
	}

	private static String label(String departmentCode) {
		return departmentCode == null ? UNKNOWN : departmentCode;
	}

	private static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.run();
			}
		});
	}

}
