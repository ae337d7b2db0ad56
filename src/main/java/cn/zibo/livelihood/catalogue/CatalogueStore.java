package cn.zibo.livelihood.catalogue;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes catalogue versions to the {@code catalogue} schema and says which one is current. */
class CatalogueStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	CatalogueStore(JdbcTemplate jdbcTemplate) {
		this.batch = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/** Serialises loads from several processes for the rest of the transaction. */
	void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalogue.version'))").query().singleRow();
	}

	Optional<Integer> currentVersion() {
		return jdbc.sql("SELECT version_id FROM catalogue.current_version").query(Integer.class).optional();
	}

	Optional<Integer> versionOf(String seedSha256) {
		return jdbc.sql("SELECT version_id FROM catalogue.version WHERE seed_sha256 = ?")
			.param(seedSha256)
			.query(Integer.class)
			.optional();
	}

	void activate(int versionId) {
		jdbc.sql("UPDATE catalogue.version SET activated_at = clock_timestamp() WHERE version_id = ?")
			.param(versionId)
			.update();
	}

	int insert(Catalogue catalogue, String sourceDocument) {
		int version = jdbc
			.sql("INSERT INTO catalogue.version (seed_sha256, source_document) VALUES (?, ?) RETURNING version_id")
			.params(catalogue.seedSha256(), sourceDocument)
			.query(Integer.class)
			.single();
		rows("INSERT INTO catalogue.campaign (version_id, campaign_no, name) VALUES (?, ?, ?)",
				catalogue.campaigns(), c -> new Object[] { version, c.no(), c.name() });
		rows("INSERT INTO catalogue.section (version_id, section_no, campaign_no, name) VALUES (?, ?, ?, ?)",
				catalogue.sections(), s -> new Object[] { version, s.no(), s.campaignNo(), s.name() });
		rows("INSERT INTO catalogue.task (version_id, task_no, section_no, task_text, lead_text) VALUES (?, ?, ?, ?, ?)",
				catalogue.tasks(), t -> new Object[] { version, t.no(), t.sectionNo(), t.text(), t.leadText() });
		rows("INSERT INTO catalogue.department (version_id, code, name, name_en, aliases, is_group) VALUES (?, ?, ?, ?, ?, ?)",
				catalogue.departments(), d -> new Object[] { version, d.code(), d.name(), d.nameEn(),
						d.aliases().toArray(String[]::new), d.group() });
		rows("INSERT INTO catalogue.task_lead (version_id, task_no, position, department_code, written_as) VALUES (?, ?, ?, ?, ?)",
				leadRows(catalogue), l -> prepend(version, l));
		rows("INSERT INTO catalogue.district (version_id, code, name, short_name, kind, aliases) VALUES (?, ?, ?, ?, ?, ?)",
				catalogue.districts(), d -> new Object[] { version, d.code(), d.name(), d.shortName(), d.kind(),
						d.aliases().toArray(String[]::new) });
		rows("INSERT INTO catalogue.indicator (version_id, indicator_code, task_no, name, unit, comparator, target, basis,"
				+ " deadline, additive, source_phrase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", catalogue.indicators(),
				i -> new Object[] { version, i.code(), i.taskNo(), i.name(), i.unit(), i.comparator(), i.target(),
						i.basis().code(), i.deadline() == null ? null : Date.valueOf(i.deadline()), i.additive(),
						i.sourcePhrase() });
		return version;
	}

	private static List<Object[]> leadRows(Catalogue catalogue) {
		List<Object[]> rows = new ArrayList<>();
		for (Task task : catalogue.tasks()) {
			List<String> codes = catalogue.leadsOf(task.no());
			for (int position = 0; position < codes.size(); position++) {
				String code = codes.get(position);
				String written = task.leadsWritten()
					.stream()
					.filter(w -> catalogue.department(w).map(d -> d.code().equals(code)).orElse(false))
					.findFirst()
					.orElse(code);
				rows.add(new Object[] { task.no(), position + 1, code, written });
			}
		}
		return rows;
	}

	private static Object[] prepend(int version, Object[] values) {
		Object[] all = new Object[values.length + 1];
		all[0] = version;
		System.arraycopy(values, 0, all, 1, values.length);
		return all;
	}

	private <T> void rows(String sql, List<T> items, java.util.function.Function<T, Object[]> values) {
		batch.batchUpdate(sql, items.stream().map(values).toList());
	}

}
