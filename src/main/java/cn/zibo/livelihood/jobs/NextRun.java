package cn.zibo.livelihood.jobs;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.PipelineProperties;
import cn.zibo.livelihood.system.ThisProcess;

/**
 * Parameters for a new instance of a job, to which the caller adds the job's own parameters.
 * Batch 6's {@code JobOperator.start} ignores given parameters when a job has an incrementer, and an
 * incrementer would carry the previous run's options (a {@code seeds} folder, say) into the next run;
 * so jobs here have none, and this numbers their runs. The run id comes from a PostgreSQL sequence
 * ({@code batch.run_id_seq}), not from "last run + 1": two instances of the pipeline on one database may start the same
 * job at the same moment, and must not compute the same job instance.
 * <p>
 * Further parameters, not identifying, say where a run came from: the pipeline instance
 * ({@code etl.instance}, host and process by default), what launched it (a command, the inbox
 * watcher, a schedule, the start-up recovery) and the process that ran it
 * ({@link ThisProcess#token()}, distinct even when instances share a name), by which another process
 * judges whether a run marked running still has a process behind it.
 */
@Component
public class NextRun {

	public static final String RUN_ID = "run.id";

	public static final String INSTANCE = "instance";

	public static final String LAUNCHED_BY = "launched.by";

	public static final String PROCESS = "process";

	private final JdbcClient jdbc;

	private final String instance;

	NextRun(JdbcClient jdbc, PipelineProperties properties) {
		this.jdbc = jdbc;
		this.instance = properties.instanceName();
	}

	/** A fresh run id, this instance's name and {@code launchedBy}. */
	public JobParametersBuilder parameters(String launchedBy) {
		long runId = jdbc.sql("SELECT nextval('batch.run_id_seq')").query(Long.class).single();
		return labelled(new JobParametersBuilder().addLong(RUN_ID, runId), launchedBy);
	}

	/**
	 * The identifying parameters of an earlier run, to restart its job instance, labelled with this
	 * instance and {@code launchedBy} rather than with whoever ran it before.
	 */
	public JobParameters again(JobParameters earlier, String launchedBy) {
		return labelled(new JobParametersBuilder(new JobParameters(earlier.getIdentifyingParameters())), launchedBy)
			.toJobParameters();
	}

	private JobParametersBuilder labelled(JobParametersBuilder builder, String launchedBy) {
		return builder.addString(INSTANCE, instance, false)
			.addString(LAUNCHED_BY, launchedBy, false)
			.addString(PROCESS, ThisProcess.current().token(), false);
	}

	/** The name this instance gives its runs. */
	public String instance() {
		return instance;
	}

}
