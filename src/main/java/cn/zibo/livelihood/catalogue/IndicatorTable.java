package cn.zibo.livelihood.catalogue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code seeds/indicators.csv}: every quantitative target of the text. Checked against the document
 * as it is read: a source phrase must occur verbatim in its task's text, and codes must run 01, 02,
 * … per task, so a reviewer can trust the file without re-reading the whole document.
 */
final class IndicatorTable {

	private static final Pattern CODE = Pattern.compile("^T(\\d{3})-(\\d{2})$");

	private static final Set<String> COMPARATORS = Set.of(">=", "<=", "=", "≈");

	private IndicatorTable() {
	}

	static List<Indicator> read(Path file, List<Task> tasks, List<String> problems) {
		Map<Integer, Task> byNo = tasks.stream().collect(Collectors.toMap(Task::no, Function.identity()));
		Map<Integer, Integer> lastSeq = new HashMap<>();
		List<Indicator> indicators = new ArrayList<>();
		for (SeedTable.Row row : SeedTable.read(file, "code", "task_no", "name", "unit", "comparator", "target",
				"basis", "deadline", "additive", "source_phrase")) {
			List<String> rowProblems = new ArrayList<>();
			Indicator indicator = parse(row, rowProblems);
			if (indicator != null) {
				check(indicator, byNo.get(indicator.taskNo()), lastSeq, rowProblems);
			}
			else {
				skipInSequence(row.get("code"), lastSeq);
			}
			rowProblems.forEach(p -> problems.add(row.where() + " (" + row.get("code") + "): " + p));
			if (rowProblems.isEmpty()) {
				indicators.add(indicator);
			}
		}
		return indicators;
	}

	/** A row that could not be read still holds its place, so the rows after it are not blamed. */
	private static void skipInSequence(String code, Map<Integer, Integer> lastSeq) {
		Matcher m = CODE.matcher(code);
		if (m.matches()) {
			lastSeq.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
	}

	private static Indicator parse(SeedTable.Row row, List<String> problems) {
		try {
			Basis basis = Basis.ofCode(row.get("basis"));
			String deadline = row.get("deadline");
			if (basis == Basis.STATUS) {
				problems.add("status indicators (-00) are generated, not listed");
			}
			if ((basis == Basis.ANNUAL) != deadline.isEmpty()) {
				problems.add("deadline must be empty exactly when basis is annual");
			}
			if (!COMPARATORS.contains(row.get("comparator"))) {
				problems.add("comparator must be one of " + COMPARATORS);
			}
			if (!Set.of("true", "false").contains(row.get("additive"))) {
				problems.add("additive must be true or false");
			}
			if (row.get("name").isEmpty() || row.get("unit").isEmpty()) {
				problems.add("name and unit are required");
			}
			return new Indicator(row.get("code"), Integer.parseInt(row.get("task_no")), row.get("name"), row.get("unit"),
					row.get("comparator"), new BigDecimal(row.get("target")), basis,
					deadline.isEmpty() ? null : LocalDate.parse(deadline), Boolean.parseBoolean(row.get("additive")),
					row.record().get("source_phrase"));
		}
		catch (NumberFormatException ex) {
			problems.add("task_no and target must be plain numbers");
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			problems.add(ex.getMessage());
		}
		return null;
	}

	private static void check(Indicator indicator, Task task, Map<Integer, Integer> lastSeq, List<String> problems) {
		Matcher code = CODE.matcher(indicator.code());
		if (!code.matches() || Integer.parseInt(code.group(1)) != indicator.taskNo()) {
			problems.add("code must be T" + String.format("%03d", indicator.taskNo()) + "-nn");
			return;
		}
		if (task == null) {
			problems.add("there is no task " + indicator.taskNo());
			return;
		}
		int seq = Integer.parseInt(code.group(2));
		int expected = lastSeq.getOrDefault(task.no(), 0) + 1;
		if (seq != expected) {
			problems.add("expected code " + Indicator.code(task.no(), expected) + " next for task " + task.no());
		}
		lastSeq.put(task.no(), seq);
		if (indicator.sourcePhrase().isEmpty() || !task.text().contains(indicator.sourcePhrase())) {
			problems.add("source_phrase '" + indicator.sourcePhrase() + "' does not occur in the text of task " + task.no());
		}
	}

}
