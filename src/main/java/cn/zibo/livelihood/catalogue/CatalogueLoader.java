package cn.zibo.livelihood.catalogue;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.zibo.livelihood.system.PipelineProperties;

/**
 * Loads {@code seeds/} as a catalogue version. Loading the same seed files again changes nothing;
 * changed files become a new version and the earlier ones are kept, so history is never overwritten.
 * Callers run it inside a transaction (the catalogue job's step), so a failed load leaves no trace.
 */
@Component
public class CatalogueLoader {

	private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);

	private final PipelineProperties properties;

	private final CatalogueStore store;

	CatalogueLoader(PipelineProperties properties, JdbcTemplate jdbcTemplate) {
		this.properties = properties;
		this.store = new CatalogueStore(jdbcTemplate);
	}

	public LoadOutcome load() {
		return load(properties.seeds());
	}

	/** Loads from another seeds folder than the configured one (a reviewer's draft, a test's copy). */
	public LoadOutcome load(Path seeds) {
		Catalogue catalogue = CatalogueSeed.read(seeds, properties.catalogueDocument());
		store.lock();
		Integer current = store.currentVersion().orElse(null);
		Integer known = store.versionOf(catalogue.seedSha256()).orElse(null);
		LoadOutcome outcome;
		if (known != null && known.equals(current)) {
			outcome = new LoadOutcome(LoadOutcome.Kind.UNCHANGED, known, catalogue);
		}
		else if (known != null) {
			store.activate(known);
			outcome = new LoadOutcome(LoadOutcome.Kind.REACTIVATED, known, catalogue);
		}
		else {
			int version = store.insert(catalogue, properties.catalogueDocument());
			outcome = new LoadOutcome(LoadOutcome.Kind.CREATED, version, catalogue);
		}
		log.info("Catalogue (目录) {}", outcome.describe());
		return outcome;
	}

}
