package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.jobs.ReconcileJobConfiguration;

/** Runs the reconcile job and lists the findings it leaves open. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
		description = "Reconcile the loaded figures (核对): co-lead disagreements, district sums, falling running totals,"
				+ " outliers. Findings go to reporting.discrepancy; those a later submission fixed are closed.")
class ReconcileCommand implements SpringTask {

	/** The kinds, with the names people use for them. */
	private static final Map<String, String> KINDS = new TreeMap<>(Map.of("co_lead_mismatch", "牵头部门数值不一致",
			"district_sum_mismatch", "区县合计与全市不符", "cumulative_decrease", "累计值下降", "outlier", "异常值"));

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N",
			description = "how many open findings to list, newest first (default ${DEFAULT-VALUE}); all are in reporting.discrepancy")
	int limit;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception {
		Job job = context.getBean(ReconcileJobConfiguration.JOB_NAME, Job.class);
		JobExecution run = context.getBean(Executions.class).startNew(job);
		out.printf("Reconcile (核对) job execution %d: %s%n", run.getId(), run.getStatus());
		if (run.getStatus() != BatchStatus.COMPLETED) {
			run.getAllFailureExceptions().forEach(ex -> out.println("  " + ex.getMessage()));
			return 1;
		}
		out.println("Findings (问题): " + run.getExecutionContext().getString(ReconcileJobConfiguration.OUTCOME_KEY));
		printOpen(context.getBean(JdbcClient.class), out);
		return 0;
	}

	private void printOpen(JdbcClient jdbc, PrintWriter out) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("SELECT kind, count(*) FROM reporting.discrepancy WHERE status = 'open' GROUP BY kind")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		KINDS.forEach((kind, name) -> out.printf("  %-22s %-10s %5d open%n", kind, name, counts.getOrDefault(kind, 0)));
		var rows = jdbc.sql("""
				SELECT discrepancy_id, kind, indicator_code, indicator_name, coalesce(district_name, district_code), period, details
				FROM reporting.discrepancy WHERE status = 'open'
				ORDER BY detected_at DESC, discrepancy_id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> String.format("  #%d %s (%s) %s %s, %s, %s%n      %s", rs.getLong(1), rs.getString(2),
					KINDS.get(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7)))
			.list();
		if (rows.isEmpty()) {
			out.println("No open findings (没有待核实的问题).");
			return;
		}
		out.println("Open findings (待核实的问题), newest first:");
		rows.forEach(out::println);
	}

}
