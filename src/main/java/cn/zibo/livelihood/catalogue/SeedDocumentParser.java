package cn.zibo.livelihood.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the municipal list from the saved web page. The page wraps the document in navigation and
 * news links, so the body is taken to run from the first campaign heading (一、…) to the first line
 * that is neither a heading nor a task; inside it every line must be one of the three, numbered in
 * sequence, or the whole seed is refused with every problem listed.
 */
final class SeedDocumentParser {

	private static final Pattern CAMPAIGN = Pattern.compile("^([一二三四五六七八九十]+)、(.+)$");

	private static final Pattern SECTION = Pattern.compile("^[(（]([一二三四五六七八九十]+)[)）](.+)$");

	private static final Pattern TASK = Pattern.compile("^(\\d{1,3})、(.+)$");

	private static final Pattern SECOND_NAME = Pattern.compile("^(.+?)[(（](.+)[)）]$");

	private static final String LEAD_MARK = "牵头部门";

	private final String fileName;

	private final List<String> problems = new ArrayList<>();

	private final List<Campaign> campaigns = new ArrayList<>();

	private final List<Section> sections = new ArrayList<>();

	private final List<Task> tasks = new ArrayList<>();

	private SeedDocumentParser(String fileName) {
		this.fileName = fileName;
	}

	static SeedDocument parse(String fileName, List<String> lines) {
		SeedDocumentParser parser = new SeedDocumentParser(fileName);
		parser.read(lines);
		if (!parser.problems.isEmpty()) {
			throw new CatalogueSeedException(parser.problems);
		}
		return new SeedDocument(List.copyOf(parser.campaigns), List.copyOf(parser.sections), List.copyOf(parser.tasks));
	}

	private void read(List<String> lines) {
		boolean inBody = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			int lineNo = i + 1;
			if (line.isEmpty()) {
				continue;
			}
			Matcher campaign = CAMPAIGN.matcher(line);
			if (!inBody && !campaign.matches()) {
				continue;
			}
			inBody = true;
			Matcher section = SECTION.matcher(line);
			Matcher task = TASK.matcher(line);
			if (campaign.matches()) {
				addCampaign(lineNo, ChineseNumerals.parse(campaign.group(1)), campaign.group(2).strip());
			}
			else if (section.matches()) {
				addSection(lineNo, ChineseNumerals.parse(section.group(1)), section.group(2).strip());
			}
			else if (task.matches()) {
				addTask(lineNo, Integer.parseInt(task.group(1)), task.group(2).strip());
			}
			else {
				break;
			}
		}
		if (campaigns.isEmpty()) {
			problems.add(fileName + ": no campaign heading (一、…) found; is this the list of 113 tasks?");
		}
	}

	private void addCampaign(int lineNo, int no, String name) {
		expectNext(lineNo, "campaign", campaigns.size(), no);
		campaigns.add(new Campaign(no, name));
	}

	private void addSection(int lineNo, int no, String name) {
		expectNext(lineNo, "section", sections.size(), no);
		if (campaigns.isEmpty()) {
			problems.add(at(lineNo) + "section (" + no + ") comes before any campaign");
			return;
		}
		sections.add(new Section(no, campaigns.get(campaigns.size() - 1).no(), name));
	}

	private void addTask(int lineNo, int no, String body) {
		expectNext(lineNo, "task", tasks.size(), no);
		if (sections.isEmpty()) {
			problems.add(at(lineNo) + "task " + no + " comes before any section");
			return;
		}
		int mark = body.lastIndexOf(LEAD_MARK);
		if (mark < 1 || "(（〔".indexOf(body.charAt(mark - 1)) < 0) {
			problems.add(at(lineNo) + "task " + no + " has no lead-department tail (牵头部门:…)");
			return;
		}
		String text = body.substring(0, mark - 1).strip();
		String leadText = body.substring(mark - 1);
		tasks.add(new Task(no, sections.get(sections.size() - 1).no(), text, leadText, leadNames(lineNo, no, leadText)));
	}

	private List<String> leadNames(int lineNo, int taskNo, String leadText) {
		String inner = leadText.substring(1 + LEAD_MARK.length(), leadText.length() - 1);
		if (inner.startsWith(":") || inner.startsWith("：")) {
			inner = inner.substring(1);
		}
		List<String> names = new ArrayList<>();
		for (String part : inner.split("、")) {
			Matcher second = SECOND_NAME.matcher(part.strip());
			if (second.matches()) {
				names.add(second.group(1).strip());
				names.add(second.group(2).strip());
			}
			else if (!part.isBlank()) {
				names.add(part.strip());
			}
		}
		if (names.isEmpty()) {
			problems.add(at(lineNo) + "task " + taskNo + " names no lead department");
		}
		return List.copyOf(names);
	}

	private void expectNext(int lineNo, String what, int seen, int no) {
		if (no != seen + 1) {
			problems.add(at(lineNo) + what + " numbered " + no + " where " + (seen + 1) + " was expected");
		}
	}

	private String at(int lineNo) {
		return fileName + " line " + lineNo + ": ";
	}

}
