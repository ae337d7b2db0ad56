package cn.zibo.livelihood.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting views that section 6 of docs/contract.md names, each with the columns its bullet
 * lists ("- `reporting.x`: col, col (what it holds), …"). A column is a bare lower-case name between
 * commas, full stops, colons or semicolons once the parenthesised remarks are gone, or one the text
 * introduces as "a column `name`"; the prose around them is not.
 */
final class ContractViews {

	static final Path CONTRACT = Path.of("docs/contract.md");

	private static final Pattern BULLET = Pattern.compile("- `(reporting\\.\\w+)`:(.*)", Pattern.DOTALL);

	private static final Pattern REMARK = Pattern.compile("\\([^()]*\\)");

	private static final Pattern NAMED_COLUMN = Pattern.compile("\\bcolumn `([a-z][a-z0-9_]*)`");

	private ContractViews() {
	}

	record View(String name, List<String> columns, int line) {

		String schema() {
			return name.substring(0, name.indexOf('.'));
		}

		String table() {
			return name.substring(name.indexOf('.') + 1);
		}

	}

	static List<View> read(Path contract) {
		List<String> lines;
		try {
			lines = Files.readAllLines(contract, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<View> views = new ArrayList<>();
		boolean inSection = false;
		StringBuilder bullet = null;
		int bulletLine = 0;
		for (int i = 0; i <= lines.size(); i++) {
			String line = (i < lines.size()) ? lines.get(i) : "## end";
			boolean continuation = bullet != null && !line.isBlank() && Character.isWhitespace(line.charAt(0));
			if (continuation) {
				bullet.append(' ').append(line.strip());
				continue;
			}
			if (bullet != null) {
				views.add(view(bullet.toString(), bulletLine));
				bullet = null;
			}
			if (line.startsWith("## ")) {
				inSection = line.startsWith("## 6.");
			}
			else if (inSection && line.startsWith("- `reporting.")) {
				bullet = new StringBuilder(line);
				bulletLine = i + 1;
			}
		}
		return views;
	}

	private static View view(String bullet, int line) {
		Matcher m = BULLET.matcher(bullet);
		if (!m.matches()) {
			throw new IllegalArgumentException("docs/contract.md:" + line + ": not a view's bullet: " + bullet);
		}
		String text = m.group(2);
		for (String shorter = REMARK.matcher(text).replaceAll(""); !shorter.equals(text);
				shorter = REMARK.matcher(text).replaceAll("")) {
			text = shorter;
		}
		List<String> columns = new ArrayList<>();
		for (String part : text.split("[,.:;]")) {
			String candidate = part.strip();
			Matcher named = NAMED_COLUMN.matcher(candidate);
			if (candidate.matches("[a-z][a-z0-9_]*")) {
				columns.add(candidate);
			}
			else if (named.find()) {
				columns.add(named.group(1));
			}
		}
		return new View(m.group(1), columns, line);
	}

}
