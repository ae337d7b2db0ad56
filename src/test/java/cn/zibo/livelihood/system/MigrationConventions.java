package cn.zibo.livelihood.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layout of the Flyway migrations that docs/database.md describes, checked file by file: tables
 * and other DDL in versioned migrations numbered 1..n; every view, function and trigger in exactly
 * one repeatable migration, written so that the file can run again (it does whenever it changes).
 * Reads the SQL with its comments, string literals and function bodies blanked out, so that only
 * the statements themselves are looked at; line numbers stay those of the file.
 */
final class MigrationConventions {

	static final Path FOLDER = Path.of("src/main/resources/db/migration");

	private static final Pattern VERSIONED = Pattern.compile("V([^_]+)__.+\\.sql");

	private static final Pattern REPEATABLE = Pattern.compile("R__.+\\.sql");

	private static final Pattern VIEW_OR_FUNCTION = Pattern.compile(
			"\\bCREATE\\s+(OR\\s+REPLACE\\s+)?(MATERIALIZED\\s+VIEW|VIEW|FUNCTION|PROCEDURE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TRIGGER = Pattern.compile(
			"\\bCREATE\\s+(OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+([\\w\"]+)[^;]*?\\bON\\s+([\\w.\"]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DROP_TRIGGER = Pattern.compile(
			"\\bDROP\\s+TRIGGER\\s+IF\\s+EXISTS\\s+([\\w\"]+)\\s+ON\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DROP_CASCADE = Pattern.compile("\\bDROP\\b[^;]*\\bCASCADE\\b", Pattern.CASE_INSENSITIVE);

	private MigrationConventions() {
	}

	/** Every breach of the layout in the folder, each with its file and line. */
	static List<String> violations(Path folder) {
		List<String> violations = new ArrayList<>();
		Map<Integer, List<String>> versions = new TreeMap<>();
		Map<String, List<String>> definitions = new LinkedHashMap<>();
		for (Path file : sqlFiles(folder)) {
			String name = file.getFileName().toString();
			Matcher versioned = VERSIONED.matcher(name);
			boolean repeatable = REPEATABLE.matcher(name).matches();
			if (versioned.matches()) {
				if (versioned.group(1).matches("[1-9][0-9]*")) {
					versions.computeIfAbsent(Integer.parseInt(versioned.group(1)), v -> new ArrayList<>()).add(name);
				}
				else {
					violations.add(name + ": versions are whole numbers 1, 2, 3…, not " + versioned.group(1));
				}
			}
			else if (!repeatable) {
				violations.add(name + ": not a migration name (V<n>__<description>.sql or R__<description>.sql)");
				continue;
			}
			String sql = SqlText.statementsOnly(read(file));
			for (Definition definition : definitions(name, sql)) {
				definitions.computeIfAbsent(definition.key(), k -> new ArrayList<>()).add(definition.where());
				if (!repeatable) {
					violations.add(definition.where() + ": " + definition.key() + " is defined in a versioned"
							+ " migration; views, functions and triggers live in an R__ file");
				}
				else if (!definition.rerunnable()) {
					violations.add(definition.where() + ": " + definition.key() + " cannot be created again when the"
							+ " file runs again (CREATE OR REPLACE; a trigger after DROP TRIGGER IF EXISTS)");
				}
			}
			Matcher cascade = DROP_CASCADE.matcher(sql);
			while (repeatable && cascade.find()) {
				violations.add(name + ":" + line(sql, cascade.start()) + ": DROP … CASCADE in a repeatable migration"
						+ " also drops the dependants of other files, which do not run again");
			}
		}
		definitions.forEach((key, places) -> {
			if (places.size() > 1) {
				violations.add(key + " is defined " + places.size() + " times (" + String.join(", ", places)
						+ "); keep only the live definition");
			}
		});
		int expected = 1;
		for (Map.Entry<Integer, List<String>> version : versions.entrySet()) {
			for (; expected < version.getKey(); expected++) {
				violations.add("versioned migrations are numbered 1..n without gaps: V" + expected + " is missing");
			}
			if (version.getValue().size() > 1) {
				violations.add("V" + version.getKey() + " is used by " + String.join(", ", version.getValue()));
			}
			expected = version.getKey() + 1;
		}
		return violations;
	}

	/** The views, functions and triggers every file defines, by key ("view reporting.task"). */
	static Map<String, List<String>> definitions(Path folder) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		for (Path file : sqlFiles(folder)) {
			String name = file.getFileName().toString();
			for (Definition definition : definitions(name, SqlText.statementsOnly(read(file)))) {
				all.computeIfAbsent(definition.key(), k -> new ArrayList<>()).add(definition.where());
			}
		}
		return all;
	}

	private static List<Definition> definitions(String file, String sql) {
		List<Definition> found = new ArrayList<>();
		Matcher object = VIEW_OR_FUNCTION.matcher(sql);
		while (object.find()) {
			String kind = object.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			found.add(new Definition(kind + " " + identifier(object.group(3)), file, line(sql, object.start()),
					object.group(1) != null));
		}
		Matcher trigger = TRIGGER.matcher(sql);
		while (trigger.find()) {
			String name = identifier(trigger.group(2));
			String table = identifier(trigger.group(3));
			found.add(new Definition("trigger " + name + " on " + table, file, line(sql, trigger.start()),
					trigger.group(1) != null || droppedBefore(sql, trigger.start(), name, table)));
		}
		found.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return found;
	}

	private static boolean droppedBefore(String sql, int position, String name, String table) {
		Matcher drop = DROP_TRIGGER.matcher(sql.substring(0, position));
		while (drop.find()) {
			if (identifier(drop.group(1)).equals(name) && identifier(drop.group(2)).equals(table)) {
				return true;
			}
		}
		return false;
	}

	private static String identifier(String written) {
		return written.replace("\"", "").toLowerCase(Locale.ROOT);
	}

	private static int line(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}

	private static List<Path> sqlFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".sql"))
				.sorted(Comparator.comparing(MigrationConventions::version).thenComparing(Path::getFileName))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The order Flyway runs them in: versioned by number, then the rest. */
	private static double version(Path file) {
		Matcher versioned = VERSIONED.matcher(file.getFileName().toString());
		return (versioned.matches() && versioned.group(1).matches("[0-9]+(\\.[0-9]+)?"))
				? Double.parseDouble(versioned.group(1)) : Double.MAX_VALUE;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Definition(String key, String file, int line, boolean rerunnable) {

		String where() {
			return file + ":" + line;
		}

	}

}
