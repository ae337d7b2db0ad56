package cn.zibo.livelihood.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the pipeline finds its folders and keeps its embedded database. Relative paths resolve
 * against the working directory, as CONTRACT.md section 5 promises.
 *
 * @param inbox departments' drop folders
 * @param seeds source document and curated catalogue files
 * @param mappings header mappings
 * @param jobs schedules
 * @param catalogueDocument file name, inside {@code seeds}, of the source document
 * @param embedded the embedded PostgreSQL used when {@code spring.datasource.url} is not set
 * @param ingest archive and inbox settings
 * @param contact who departments ask about closed periods and the catalogue, named in receipts
 * @param instance this instance's name in the job runs it records; blank means host name and process id
 * @param recoverAfter under {@code serve}, a job execution still marked running but not updated for
 * this long is taken for one whose process died, and recovered at start-up
 * @param reporting how downstream tools read the warehouse
 */
@ConfigurationProperties("etl")
public record PipelineProperties(@DefaultValue("inbox") Path inbox, @DefaultValue("seeds") Path seeds,
		@DefaultValue("mappings") Path mappings, @DefaultValue("jobs") Path jobs,
		@DefaultValue("000_ac670e75b15da742.txt") String catalogueDocument, @DefaultValue Embedded embedded,
		@DefaultValue Ingest ingest, @DefaultValue("市民生工作领导小组办公室") String contact,
		@DefaultValue("") String instance, @DefaultValue("2m") Duration recoverAfter, @DefaultValue Reporting reporting) {

	/**
	 * @param dataDirectory PostgreSQL data directory, kept between runs
	 * @param clean start from an empty data directory (tests only)
	 * @param durable run with PostgreSQL's durable defaults ({@code fsync}, {@code synchronous_commit},
	 * {@code full_page_writes} on), so that a committed submission survives a power cut; tests turn it
	 * off for their throwaway databases
	 * @param port the TCP port it listens on, fixed so that reporting tools can be pointed at it; 0 takes
	 * any free port at every start (tests)
	 * @param listenAddresses where it listens (PostgreSQL's {@code listen_addresses}): loopback unless
	 * configured; loopback is always added, the pipeline connects there
	 */
	public record Embedded(@DefaultValue("var/pgdata") Path dataDirectory, @DefaultValue("false") boolean clean,
			@DefaultValue("true") boolean durable, @DefaultValue("15432") int port,
			@DefaultValue("localhost") String listenAddresses) {
	}

	/**
	 * @param archive where the original bytes of every received file are kept, by SHA-256
	 * @param settle how long a file must stay unchanged before it counts as complete
	 * @param maxFileSize a larger file is refused before it is read (its bytes are still archived)
	 * @param scratch where files are written before they are moved into the inbox (receipts), outside it
	 * @param parallelFiles how many waiting files (of different departments) are loaded at once; 0: as
	 * many as the machine has cores
	 */
	public record Ingest(@DefaultValue("var/archive") Path archive, @DefaultValue("1s") Duration settle,
			@DefaultValue("200MB") DataSize maxFileSize, @DefaultValue("var/tmp") Path scratch,
			@DefaultValue("0") int parallelFiles) {

		/** {@link #parallelFiles}, with 0 taken as the number of cores. */
		public int filesAtOnce() {
			return parallelFiles > 0 ? parallelFiles : Runtime.getRuntime().availableProcessors();
		}

	}

	/** @param reader the database role downstream tools read the reporting views with ({@link ReportingReader}) */
	public record Reporting(@DefaultValue Reader reader) {
	}

	/**
	 * @param name the role's name
	 * @param password its password; without one the pipeline creates no role (it still grants an
	 * existing role of that name its reading rights: one an administrator made)
	 */
	public record Reader(@DefaultValue("reporting_reader") String name, String password) {

		public boolean managed() {
			return password != null && !password.isEmpty();
		}

		@Override
		public String toString() {
			return "Reader[name=" + name + ", password=" + (managed() ? "(set)" : "(none)") + "]";
		}

	}

	public Path catalogueDocumentPath() {
		return seeds.resolve(catalogueDocument);
	}

	/** {@code etl.instance}, or host name and process id: distinct for every process of the pipeline. */
	public String instanceName() {
		if (!instance.isBlank()) {
			return instance;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + ":" + ProcessHandle.current().pid();
	}

}
