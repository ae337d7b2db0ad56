package cn.zibo.livelihood;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation a newcomer reads stays whole: every relative link of the READMEs and of
 * {@code docs/} leads to a file that exists (and to a heading of it, for a {@code #anchor}), the
 * README stays a front door, and nothing points outside the repository. Lists every broken link
 * with its file and line in one failure.
 */
class DocumentationTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

	@Test
	void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path doc : documents()) {
			List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.startsWith("    ")) {
					continue;
				}
				Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
				while (m.find()) {
					String problem = problem(doc, m.group(1));
					if (problem != null) {
						broken.add(doc + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
					}
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void theReadmeIsAFrontDoorOfAbout12Kilobytes() throws IOException {
		assertThat(Files.size(Path.of("README.md"))).isLessThanOrEqualTo(14 * 1024);
	}

	private static List<Path> documents() throws IOException {
		List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("inbox/README.md"), Path.of("mappings/README.md"),
				Path.of("jobs/README.md")));
		try (Stream<Path> files = Files.walk(Path.of("docs"))) {
			files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs.stream().filter(Files::exists).toList();
	}

	private static String problem(Path doc, String link) throws IOException {
		if (link.matches("^[a-z]+:.*")) {
			return null;
		}
		String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
		String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : null;
		Path target = path.isEmpty() ? doc : doc.resolveSibling(path).normalize();
		if (!target.toAbsolutePath().normalize().startsWith(Path.of("").toAbsolutePath())) {
			return "outside the repository";
		}
		if (!Files.exists(target)) {
			return "no such file";
		}
		if (anchor != null && !Files.isDirectory(target)
				&& Files.readAllLines(target, StandardCharsets.UTF_8).stream().filter(l -> l.matches("^#+ .*")).map(DocumentationTests::slug)
					.noneMatch(anchor::equals)) {
			return "no heading #" + anchor;
		}
		return null;
	}

	/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
	private static String slug(String heading) {
		String text = heading.replaceFirst("^#+ +", "").toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (cp == ' ') {
				slug.append('-');
			}
			else if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
				slug.appendCodePoint(cp);
			}
		});
		return slug.toString();
	}

}
