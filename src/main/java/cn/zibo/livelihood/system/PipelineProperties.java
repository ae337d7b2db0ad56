package cn.zibo.livelihood.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("etl")
public record PipelineProperties(@DefaultValue("inbox") Path inbox, @DefaultValue("seeds") Path seeds,
		@DefaultValue("mappings") Path mappings, @DefaultValue("jobs") Path jobs,
		@DefaultValue("000_ac670e75b15da742.txt") String catalogueDocument, @DefaultValue Embedded embedded,
		@DefaultValue Ingest ingest, @DefaultValue("市民生工作领导小组办公室") String contact) {

	/**
	 * @param dataDirectory PostgreSQL data directory, kept between runs
	 * @param clean start from an empty data directory (tests only)
	 */
	public record Embedded(@DefaultValue("var/pgdata") Path dataDirectory, @DefaultValue("false") boolean clean) {
	}

	/**
	 * @param archive where the original bytes of every received file are kept, by SHA-256
	 * @param settle how long a file must stay unchanged before it counts as complete
	 */
	public record Ingest(@DefaultValue("var/archive") Path archive, @DefaultValue("2s") java.time.Duration settle) {
	}

	public Path catalogueDocumentPath() {
		return seeds.resolve(catalogueDocument);
	}

}
