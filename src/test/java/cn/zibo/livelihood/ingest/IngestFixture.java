package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.CatalogueLoader;
import cn.zibo.livelihood.jobs.Executions;
import cn.zibo.livelihood.system.PipelineProperties;

/**
 * Drops files into the test inbox, runs the real ingest job and reads back what landed. Every test
 * uses its own period or department, so tests sharing the database do not meet.
 */
@Component
public class IngestFixture {

	private final PipelineProperties properties;

	private final JdbcClient jdbc;

	private final Executions executions;

	private final Job ingestJob;

	private final CatalogueLoader catalogue;

	IngestFixture(PipelineProperties properties, JdbcClient jdbc, Executions executions, Job ingestJob,
			CatalogueLoader catalogue) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.executions = executions;
		this.ingestJob = ingestJob;
		this.catalogue = catalogue;
	}

	/** A loaded catalogue, the project's mappings, an empty inbox. */
	public void reset() {
		catalogue.load(Path.of("seeds"));
		try {
			deleteTree(properties.inbox());
			deleteTree(properties.mappings());
			Files.createDirectories(properties.inbox());
			Files.createDirectories(properties.mappings());
			Files.copy(Path.of("mappings/default.yml"), properties.mappings().resolve("default.yml"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path drop(String folder, String fileName, byte[] bytes) {
		try {
			Path file = properties.inbox().resolve(folder).resolve(fileName);
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path drop(String folder, String fileName, String text, Charset charset) {
		return drop(folder, fileName, text.getBytes(charset));
	}

	public void mapping(String fileName, String yaml) throws IOException {
		Files.writeString(properties.mappings().resolve(fileName), yaml);
	}

	public JobExecution ingest() throws Exception {
		return executions.startNew(ingestJob);
	}

	/** The latest submission of a file name, as reporting.submission shows it. */
	public Map<String, Object> submission(String fileName) {
		return jdbc.sql("SELECT * FROM reporting.submission WHERE file_name = ? ORDER BY submission_id DESC LIMIT 1")
			.param(fileName)
			.query()
			.singleRow();
	}

	public long submissionId(String fileName) {
		return ((Number) submission(fileName).get("submission_id")).longValue();
	}

	/** "indicator district period = value" for every current value a submission holds. */
	public List<String> values(long submissionId) {
		return jdbc.sql("""
				SELECT indicator_code || ' ' || district_code || ' ' || period || ' = ' || trim_scale(value)
				FROM reporting.indicator_value WHERE submission_id = ? ORDER BY 1""")
			.param(submissionId)
			.query(String.class)
			.list();
	}

	/** "row column code" for every problem of a submission. */
	public List<String> errors(long submissionId) {
		return jdbc.sql("""
				SELECT coalesce(row_no::text, '-') || ' ' || coalesce(column_name, '-') || ' ' || code
				FROM reporting.submission_error WHERE submission_id = ? ORDER BY row_no NULLS FIRST, code""")
			.param(submissionId)
			.query(String.class)
			.list();
	}

	public List<String> messages(long submissionId) {
		return jdbc.sql("SELECT message FROM reporting.submission_error WHERE submission_id = ? ORDER BY row_no NULLS FIRST, code")
			.param(submissionId)
			.query(String.class)
			.list();
	}

	/** A fingerprint of the whole warehouse's facts, to show a rejected file changed nothing. */
	public String warehouseState() {
		return jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(f::text, '|' ORDER BY fact_id), '')) FROM warehouse.fact f")
			.query(String.class)
			.single();
	}

	public Path mappingsDir() {
		return properties.mappings();
	}

	public Path inbox() {
		return properties.inbox();
	}

	public Path archive() {
		return properties.ingest().archive();
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
