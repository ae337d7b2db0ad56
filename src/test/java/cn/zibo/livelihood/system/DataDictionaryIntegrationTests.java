package cn.zibo.livelihood.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data dictionary: every reporting view and each of its columns carries a comment in the
 * database, a Chinese term then its meaning ({@code 序时进度: elapsed share …}), which BI tools show;
 * docs/reporting.md lists the same views, columns and text, in the views' column order. Lists every
 * gap and difference at once.
 */
@PipelineIntegrationTest
class DataDictionaryIntegrationTests {

	static final Path DOC = Path.of("docs/reporting.md");

	/** A Chinese term, a colon, then what it means. */
	private static final Pattern ENTRY = Pattern.compile("[^:]*\\p{IsHan}[^:]*: \\S.*");

	private static final Pattern HEADING = Pattern.compile("^### `reporting\\.([a-z0-9_]+)`$");

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| (.*) \\|$");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyReportingViewAndColumnSaysWhatItMeans() {
		List<String> missing = new ArrayList<>();
		database().forEach((view, entries) -> entries.forEach((name, comment) -> {
			if (comment == null || !ENTRY.matcher(comment).matches()) {
				missing.add("reporting." + view + (name.isEmpty() ? "" : "." + name) + ": " + comment);
			}
		}));

		assertThat(database().keySet()).as("reporting views").hasSizeGreaterThanOrEqualTo(19);
		assertThat(missing).as("views and columns without a comment of the form 中文: meaning").isEmpty();
	}

	@Test
	void docsReportingMdListsTheSameViewsColumnsAndText() throws IOException {
		Map<String, Map<String, String>> database = database();
		Map<String, Map<String, String>> documented = documented();
		List<String> differences = new ArrayList<>();
		database.forEach((view, entries) -> {
			Map<String, String> doc = documented.get(view);
			if (doc == null) {
				differences.add(DOC + ": no section ### `reporting." + view + "`");
				return;
			}
			if (!List.copyOf(doc.keySet()).equals(List.copyOf(entries.keySet()))) {
				differences.add(DOC + ": reporting." + view + " lists " + doc.keySet() + ", the view has " + entries.keySet());
			}
			entries.forEach((name, comment) -> {
				String text = doc.get(name);
				if (text != null && !text.equals(comment)) {
					differences.add(DOC + ": reporting." + view + (name.isEmpty() ? "" : "." + name) + " says '" + text
							+ "', the database '" + comment + "'");
				}
			});
		});
		documented.keySet()
			.stream()
			.filter(view -> !database.containsKey(view))
			.forEach(view -> differences.add(DOC + ": reporting." + view + " is no view"));

		assertThat(documented.keySet()).as("views documented").isNotEmpty();
		assertThat(differences).as("differences between the database's comments and " + DOC).isEmpty();
	}

	/** Per view, its comment (under "") and its columns' comments, in column order. */
	private Map<String, Map<String, String>> database() {
		Map<String, Map<String, String>> views = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT c.relname, NULL, obj_description(c.oid, 'pg_class'), 0 FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'reporting' AND c.relkind = 'v'
				UNION ALL
				SELECT c.relname, a.attname, col_description(c.oid, a.attnum), a.attnum FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				WHERE n.nspname = 'reporting' AND c.relkind = 'v'
				ORDER BY 1, 4""")
			.query((RowCallbackHandler) rs -> views.computeIfAbsent(rs.getString(1), v -> new LinkedHashMap<>())
				.put(rs.getString(2) == null ? "" : rs.getString(2), rs.getString(3)));
		return views;
	}

	/**
	 * Per {@code ### `reporting.view`} section: its first paragraph (under "") and the rows
	 * {@code | `column` | text |} of its table.
	 */
	static Map<String, Map<String, String>> documented() throws IOException {
		Map<String, Map<String, String>> views = new LinkedHashMap<>();
		Map<String, String> current = null;
		boolean paragraph = false;
		for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
			Matcher heading = HEADING.matcher(line);
			Matcher row = ROW.matcher(line);
			if (heading.matches()) {
				current = new LinkedHashMap<>();
				views.put(heading.group(1), current);
				paragraph = true;
			}
			else if (line.startsWith("#")) {
				current = null;
			}
			else if (current != null && paragraph && !line.isBlank()) {
				current.put("", line);
				paragraph = false;
			}
			else if (current != null && row.matches()) {
				current.put(row.group(1), row.group(2));
			}
		}
		return views;
	}

}
