package cn.zibo.livelihood.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCatalogueTests {

	private static final Catalogue catalogue = SeedDocumentParserTests.catalogue;

	/** CONTRACT.md section 1: code, task, name, unit, comparator, target, basis, deadline, additive. */
	private static final String PINNED = """
			T002-01|2|新改扩建公办幼儿园|处|>=|103|cumulative|2024-12-31|true
			T002-02|2|招聘公办幼儿教师|人|>=|800|annual||true
			T002-03|2|公办园在园幼儿占比|%|>=|65|level|2024-12-31|false
			T003-03|3|新增优质学位|个|>=|50000|cumulative|2024-12-31|true
			T029-02|29|传染病临床诊疗床位|张|>=|1000|level|2024-12-31|true
			T034-01|34|新建改扩建村卫生室|处|>=|350|cumulative|2024-12-31|true
			T049-01|49|每千人口婴幼儿托位数|个/千人|>=|3.8|level|2024-12-31|false
			T059-01|59|家庭养老床位|张|>=|7000|cumulative|2024-12-31|true
			T062-01|62|新建长者食堂|处|>=|300|cumulative|2022-12-31|true
			T074-01|74|居民人均可支配收入|元|≈|49000|level|2024-12-31|false
			T076-01|76|新增城乡公益性岗位(2022年)|个|>=|16300|cumulative|2022-12-31|true
			T076-02|76|新增城乡公益性岗位|个|>=|40000|cumulative|2024-12-31|true
			T078-01|78|引进高校毕业生|人|>=|100000|cumulative|2024-12-31|true
			T078-02|78|大学生创业担保贷款|元|>=|100000000|annual||true
			T079-01|79|发放创业担保贷款|元|>=|2100000000|cumulative|2024-12-31|true
			T103-01|103|新建改造提升园林绿地|公顷|>=|400|annual||true
			T106-02|106|改造老旧小区(户)|户|>=|75000|cumulative|2024-12-31|true
			T106-03|106|改造老旧小区(面积)|平方米|>=|6650000|cumulative|2024-12-31|true
			T109-01|109|新改建农村公路|公里|>=|600|cumulative|2024-12-31|true
			T112-02|112|人均应急避难场所面积|平方米|>=|2.5|level|2024-12-31|false
			""";

	@Test
	void pinnedCodesHaveExactlyTheAttributesTheContractGives() {
		Map<String, Indicator> byCode = catalogue.indicators()
			.stream()
			.collect(Collectors.toMap(Indicator::code, i -> i));
		List<String> differences = new ArrayList<>();
		for (String line : PINNED.strip().split("\n")) {
			String[] f = line.split("\\|", -1);
			Indicator i = byCode.get(f[0]);
			if (i == null) {
				differences.add(f[0] + " is missing");
				continue;
			}
			String actual = String.join("|", i.code(), String.valueOf(i.taskNo()), i.name(), i.unit(), i.comparator(),
					i.target().stripTrailingZeros().toPlainString(), i.basis().code(),
					i.deadline() == null ? "" : i.deadline().toString(), String.valueOf(i.additive()));
			if (!actual.equals(line)) {
				differences.add("contract: " + line + "\n   seeds: " + actual);
			}
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void everySourcePhraseOccursVerbatimInItsTasksText() {
		assertThat(catalogue.indicators()).filteredOn(i -> !i.isStatus())
			.allSatisfy(i -> assertThat(catalogue.tasks().get(i.taskNo() - 1).text()).as(i.code())
				.contains(i.sourcePhrase()));
	}

	@Test
	void everyTaskHasItsStatusIndicator() {
		for (Task task : catalogue.tasks()) {
			assertThat(catalogue.indicators()).as("task " + task.no())
				.anySatisfy(i -> assertThat(i.code()).isEqualTo(Indicator.code(task.no(), 0)));
		}
		assertThat(catalogue.indicators()).filteredOn(Indicator::isStatus).hasSize(113);
	}

	@Test
	void targetsAreRoughlyOneHundredThirtyWithSensibleAttributes() {
		List<Indicator> targets = catalogue.indicators().stream().filter(i -> !i.isStatus()).toList();
		assertThat(targets).hasSizeBetween(115, 145);
		assertThat(targets).allSatisfy(i -> {
			assertThat(i.target()).as(i.code()).isPositive();
			assertThat(i.unit()).as(i.code()).doesNotContain("万", "亿");
			if (i.unit().equals("%")) {
				assertThat(i.additive()).as(i.code() + " rates never add up").isFalse();
				assertThat(i.target()).as(i.code()).isLessThanOrEqualTo(new BigDecimal("100"));
			}
			if (i.deadline() != null) {
				assertThat(i.deadline()).as(i.code()).isAfter(LocalDate.of(2021, 12, 31));
			}
		});
	}

	/**
	 * Every number written in a task's text is either inside the source phrase of one of its
	 * indicators, or listed in {@code seeds/context-figures.csv} as context (a present state, a year,
	 * a slogan). The listing this writes, per task, lets a reviewer read the catalogue against the
	 * document: target/catalogue-targets.txt.
	 */
	@Test
	void noQuantitativeTargetOfTheTextIsMissing() throws IOException {
		Map<Integer, List<String>> context = contextFigures();
		Pattern number = Pattern.compile("[0-9０-９]+(?:[.．][0-9０-９]+)?");
		List<String> uncovered = new ArrayList<>();
		StringBuilder listing = new StringBuilder("Targets found per task (每项任务的量化目标)\n");
		for (Task task : catalogue.tasks()) {
			List<Indicator> targets = catalogue.indicators()
				.stream()
				.filter(i -> i.taskNo() == task.no() && !i.isStatus())
				.toList();
			List<String> phrases = new ArrayList<>(targets.stream().map(Indicator::sourcePhrase).toList());
			phrases.addAll(context.getOrDefault(task.no(), List.of()));
			Matcher m = number.matcher(task.text());
			while (m.find()) {
				if (!covered(task.text(), m.start(), m.end(), phrases)) {
					uncovered.add("task " + task.no() + ": '" + m.group() + "' in …"
							+ task.text().substring(Math.max(0, m.start() - 12), Math.min(task.text().length(), m.end() + 8))
							+ "…");
				}
			}
			listing.append(String.format("%n%3d  %d target(s)%n", task.no(), targets.size()));
			targets.forEach(i -> listing.append(String.format("     %s %s %s %s %s  ← %s%n", i.code(), i.name(),
					i.comparator(), i.target().stripTrailingZeros().toPlainString(), i.unit(), i.sourcePhrase())));
			context.getOrDefault(task.no(), List.of())
				.forEach(phrase -> listing.append("     (context) ").append(phrase).append('\n'));
		}
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/catalogue-targets.txt"), listing, StandardCharsets.UTF_8);
		assertThat(uncovered).as("numbers in the text that are neither a target nor listed as context").isEmpty();
	}

	private static boolean covered(String text, int start, int end, List<String> phrases) {
		for (String phrase : phrases) {
			for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
				if (at <= start && end <= at + phrase.length()) {
					return true;
				}
			}
		}
		return false;
	}

	private static Map<Integer, List<String>> contextFigures() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("seeds/context-figures.csv"), StandardCharsets.UTF_8)) {
			List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(reader).getRecords();
			for (CSVRecord r : records) {
				assertThat(catalogue.tasks().get(Integer.parseInt(r.get("task_no")) - 1).text())
					.as("context phrase of task " + r.get("task_no"))
					.contains(r.get("phrase"));
			}
			return records.stream()
				.collect(Collectors.groupingBy(r -> Integer.parseInt(r.get("task_no")),
						Collectors.mapping(r -> r.get("phrase"), Collectors.toList())));
		}
	}

}
