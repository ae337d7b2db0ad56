package cn.zibo.livelihood.catalogue;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedDocumentParserTests {

	static final Path SEEDS = Path.of("seeds");

	static final String DOCUMENT = "000_ac670e75b15da742.txt";

	static final Catalogue catalogue = CatalogueSeed.read(SEEDS, DOCUMENT);

	@Test
	void readsFiveCampaignsThirtyFourSectionsAndOneHundredThirteenTasks() {
		assertThat(catalogue.campaigns()).extracting(Campaign::no).containsExactly(1, 2, 3, 4, 5);
		assertThat(catalogue.sections()).extracting(Section::no).containsExactlyElementsOf(range(1, 34));
		assertThat(catalogue.tasks()).extracting(Task::no).containsExactlyElementsOf(range(1, 113));
		assertThat(catalogue.campaigns().get(4).name()).isEqualTo("实施文明宜居品质提升三年攻坚行动");
		assertThat(catalogue.sections().get(33).name()).isEqualTo("构建公共安全保障体系");
		assertThat(catalogue.sections().get(33).campaignNo()).isEqualTo(5);
		assertThat(catalogue.tasks().get(0).sectionNo()).isEqualTo(1);
		assertThat(catalogue.tasks().get(112).sectionNo()).isEqualTo(34);
	}

	@Test
	void leavesTheNavigationAndNewsLinksAroundTheDocumentOut() {
		String allText = String.join("\n", catalogue.tasks().stream().map(Task::text).toList());
		assertThat(allText).doesNotContain("热点新闻", "招聘信息", "菏泽", "+更多", "发布时间");
		assertThat(catalogue.tasks().get(112).text()).startsWith("加强智慧食安建设");
		assertThat(catalogue.tasks()).allSatisfy(task -> assertThat(task.text()).doesNotContain("牵头部门"));
	}

	/**
	 * Reads the lead tails with a pattern of its own, not the parser's, and maps the two spelling
	 * variants CONTRACT.md section 1 names by hand, so that a parser bug cannot hide behind itself.
	 */
	@Test
	void leadDepartmentsOfEveryTaskAreThoseTheTextNamesInWrittenOrder() throws IOException {
		Map<Integer, List<String>> written = independentlyReadLeads();
		assertThat(written).hasSize(113);
		List<String> mismatches = new ArrayList<>();
		for (Task task : catalogue.tasks()) {
			List<String> expected = written.get(task.no());
			List<String> actual = catalogue.leadsOf(task.no())
				.stream()
				.map(code -> catalogue.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow())
				.map(Department::name)
				.toList();
			if (!actual.equals(expected)) {
				mismatches.add("task " + task.no() + ": text says " + expected + ", catalogue says " + actual);
			}
		}
		assertThat(mismatches).as("tasks whose leads differ from the text").isEmpty();
	}

	@Test
	void spellingVariantsOfTasks80And86ResolveToTheSameDepartmentsAsElsewhere() {
		assertThat(catalogue.tasks().get(79).leadsWritten()).containsExactly("市人力资源和社会保障局");
		assertThat(catalogue.leadsOf(80)).containsExactly("hrss");
		assertThat(catalogue.leadsOf(8)).contains("hrss");
		assertThat(catalogue.tasks().get(85).leadText()).isEqualTo("〔牵头部门:市农业农村局(市乡村振兴局)〕");
		assertThat(catalogue.tasks().get(85).leadsWritten()).containsExactly("市农业农村局", "市乡村振兴局");
		assertThat(catalogue.leadsOf(86)).containsExactly("agri");
		assertThat(catalogue.department("市乡村振兴局")).map(Department::name).contains("市农业农村局");
		assertThat(catalogue.department("市人力资源和社会保障局")).map(Department::name).contains("市人力资源社会保障局");
	}

	@Test
	void groupLeadsAreRecordedAsGroups() {
		assertThat(catalogue.departments()).filteredOn(Department::group)
			.extracting(Department::name)
			.containsExactlyInAnyOrder("市委教育工作领导小组成员单位", "市“双减”工作协调机制成员单位");
	}

	@Test
	void aTaskOutOfSequenceIsRefusedWithItsLine() {
		List<String> lines = List.of("导航", "  一、实施教育品质提升三年攻坚行动", "  (一)完善优质教育资源供给机制",
				"  1、第一项任务。(牵头部门:市教育局)", "  3、第三项任务。(牵头部门:市教育局)");
		assertThatThrownBy(() -> SeedDocumentParser.parse("draft.txt", lines)).isInstanceOf(CatalogueSeedException.class)
			.hasMessageContaining("draft.txt line 5: task numbered 3 where 2 was expected");
	}

	@Test
	void aTaskWithoutLeadDepartmentsIsRefused() {
		List<String> lines = List.of("  一、行动", "  (一)机制", "  1、没有牵头部门的任务。");
		assertThatThrownBy(() -> SeedDocumentParser.parse("draft.txt", lines))
			.hasMessageContaining("line 3: task 1 has no lead-department tail");
	}

	@Test
	void readsChineseNumeralsUpToThirtyFour() {
		assertThat(ChineseNumerals.parse("一")).isEqualTo(1);
		assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
		assertThat(ChineseNumerals.parse("十一")).isEqualTo(11);
		assertThat(ChineseNumerals.parse("二十")).isEqualTo(20);
		assertThat(ChineseNumerals.parse("三十四")).isEqualTo(34);
	}

	private static Map<Integer, List<String>> independentlyReadLeads() throws IOException {
		Pattern taskLine = Pattern.compile("^\\s*(\\d+)、.*[(〔]牵头部门:(.*)[)〕]\\s*$");
		Map<Integer, List<String>> leads = new LinkedHashMap<>();
		for (String line : Files.readAllLines(SEEDS.resolve(DOCUMENT), StandardCharsets.UTF_8)) {
			Matcher m = taskLine.matcher(line);
			if (m.matches()) {
				List<String> names = new ArrayList<>();
				for (String name : m.group(2).split("、")) {
					String canonical = name.replaceAll("\\(.*\\)$", "") // 市农业农村局(市乡村振兴局): one department
						.replace("市人力资源和社会保障局", "市人力资源社会保障局");
					if (!names.contains(canonical)) {
						names.add(canonical);
					}
				}
				leads.putIfAbsent(Integer.parseInt(m.group(1)), names);
			}
		}
		return leads;
	}

	private static List<Integer> range(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
	}

}
