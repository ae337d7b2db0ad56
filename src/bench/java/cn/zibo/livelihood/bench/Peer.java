package cn.zibo.livelihood.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The loader a user would write instead of the pipeline, in an afternoon, as Spring Batch's reference
 * shows it: a chunk-oriented step, {@code FlatFileItemReader} (delimited, the header skipped) into
 * {@code JdbcBatchItemWriter} (a JDBC batch {@code INSERT} per chunk), 1,000 rows a chunk, each chunk
 * committed, into a table of the long CSV's seven text columns without index or constraint. No
 * checking, no lineage, no history, no whole-or-nothing: the pipeline's yardstick, not its rival in
 * what it guarantees. Its job repository is Spring Batch's resourceless one, so the time is loading.
 */
final class Peer {

	/** Dropped after use; it lives only in the benchmark's own database. */
	private static final String TABLE = "public.bench_peer";

	private static final int CHUNK = 1_000;

	private Peer() {
	}

	/** @return the rows written, or -1 when the job did not complete */
	static long load(DataSource dataSource, Path utf8Csv) throws Exception {
		execute(dataSource, "DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " (indicator_code text,"
				+ " indicator_name text, district text, period text, value text, unit text, remark text)", "CHECKPOINT");
		JobRepository repository = new ResourcelessJobRepository();
		DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
		tokenizer.setStrict(false);
		FlatFileItemReader<String[]> reader = new FlatFileItemReaderBuilder<String[]>().name("peerReader")
			.resource(new FileSystemResource(utf8Csv))
			.encoding("UTF-8")
			.linesToSkip(1)
			.lineTokenizer(tokenizer)
			.fieldSetMapper(fields -> fields.getValues())
			.build();
		JdbcBatchItemWriter<String[]> writer = new JdbcBatchItemWriterBuilder<String[]>().dataSource(dataSource)
			.sql("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.itemPreparedStatementSetter((row, insert) -> {
				for (int c = 0; c < 7; c++) {
					insert.setString(c + 1, c < row.length ? row[c] : null);
				}
			})
			.assertUpdates(false)
			.build();
		writer.afterPropertiesSet();
		Job job = new JobBuilder("peerLoadJob", repository)
			.start(new StepBuilder("peerLoadStep", repository).<String[], String[]>chunk(CHUNK)
				.transactionManager(new DataSourceTransactionManager(dataSource))
				.reader(reader)
				.writer(writer)
				.build())
			.build();
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(repository);
		operator.setJobRegistry(new MapJobRegistry());
		operator.afterPropertiesSet();
		JobExecution run = operator.start(job, new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
		if (run.getStatus() != BatchStatus.COMPLETED) {
			return -1;
		}
		return run.getStepExecutions().iterator().next().getWriteCount();
	}

	static void dropTable(DataSource dataSource) throws Exception {
		execute(dataSource, "DROP TABLE IF EXISTS " + TABLE);
	}

	private static void execute(DataSource dataSource, String... statements) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(true);
			for (String statement : statements) {
				sql.execute(statement);
			}
		}
	}

}
