package cn.zibo.livelihood.catalogue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue version figures are checked against: the current one, read back from the database
 * (not from {@code seeds/}, which may hold an unloaded draft). Kept in memory until another version
 * becomes current.
 */
@Component
public class CurrentCatalogue {

	private final JdbcClient jdbc;

	private volatile Versioned cached;

	CurrentCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A catalogue and the version it is. */
	public record Versioned(int versionId, Catalogue catalogue) {
	}

	/** @throws IllegalStateException when no catalogue was ever loaded */
	public Versioned get() {
		int version = jdbc.sql("SELECT version_id FROM catalogue.current_version")
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No catalogue (目录) loaded yet; run: catalogue load"));
		Versioned current = cached;
		if (current == null || current.versionId() != version) {
			current = new Versioned(version, read(version));
			cached = current;
		}
		return current;
	}

	private Catalogue read(int v) {
		List<Campaign> campaigns = jdbc.sql("SELECT campaign_no, name FROM catalogue.campaign WHERE version_id = ? ORDER BY 1")
			.param(v)
			.query((rs, n) -> new Campaign(rs.getInt(1), rs.getString(2)))
			.list();
		List<Section> sections = jdbc
			.sql("SELECT section_no, campaign_no, name FROM catalogue.section WHERE version_id = ? ORDER BY 1")
			.param(v)
			.query((rs, n) -> new Section(rs.getInt(1), rs.getInt(2), rs.getString(3)))
			.list();
		record Lead(int taskNo, String code, String writtenAs) {
		}
		List<Lead> leadRows = jdbc
			.sql("SELECT task_no, department_code, written_as FROM catalogue.task_lead WHERE version_id = ? ORDER BY task_no, position")
			.param(v)
			.query((rs, n) -> new Lead(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
		Map<Integer, List<String>> leads = leadRows.stream()
			.collect(Collectors.groupingBy(Lead::taskNo, LinkedHashMap::new,
					Collectors.mapping(Lead::code, Collectors.toList())));
		List<Task> tasks = jdbc
			.sql("SELECT task_no, section_no, task_text, lead_text FROM catalogue.task WHERE version_id = ? ORDER BY 1")
			.param(v)
			.query((rs, n) -> {
				int taskNo = rs.getInt(1);
				return new Task(taskNo, rs.getInt(2), rs.getString(3), rs.getString(4),
						leadRows.stream().filter(l -> l.taskNo() == taskNo).map(Lead::writtenAs).toList());
			})
			.list();
		List<Department> departments = jdbc
			.sql("SELECT code, name, name_en, aliases, is_group FROM catalogue.department WHERE version_id = ? ORDER BY code")
			.param(v)
			.query((rs, n) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
					rs.getBoolean(5)))
			.list();
		List<District> districts = jdbc
			.sql("SELECT code, name, short_name, kind, aliases FROM catalogue.district WHERE version_id = ? ORDER BY code")
			.param(v)
			.query((rs, n) -> new District(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					strings(rs.getArray(5))))
			.list();
		List<Indicator> indicators = jdbc.sql("""
				SELECT indicator_code, task_no, name, unit, comparator, target, basis, deadline, additive, source_phrase
				FROM catalogue.indicator WHERE version_id = ? ORDER BY indicator_code""")
			.param(v)
			.query((rs, n) -> new Indicator(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, BigDecimal.class), Basis.valueOf(rs.getString(7).toUpperCase()),
					rs.getObject(8, java.time.LocalDate.class), rs.getBoolean(9), rs.getString(10)))
			.list();
		String sha = jdbc.sql("SELECT seed_sha256 FROM catalogue.version WHERE version_id = ?")
			.param(v)
			.query(String.class)
			.single();
		return new Catalogue(campaigns, sections, tasks, departments, leads, districts, indicators, sha);
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
