package cn.zibo.livelihood.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of monthly CSV files dropped into departments' inbox folders, every indicator a department
 * leads in every district, and the check that the pipeline accounted for each of them: loaded (or
 * rejected, for the files made bad on purpose) exactly once, no fact twice, every input's bytes in
 * the archive by SHA-256, nothing left in the inbox but receipts.
 */
final class FileBatch {

	/** One file: where it goes, its bytes and their SHA-256, its figures, whether it was made to be rejected. */
	record Dropped(String department, String fileName, byte[] bytes, String sha256, int figures, boolean bad) {
	}

	private final List<Dropped> files;

	private FileBatch(List<Dropped> files) {
		this.files = List.copyOf(files);
	}

	/** {@link #of} dropped into the inbox at once. */
	static FileBatch drop(JdbcClient sql, Path inbox, List<String> departments, int count, int badEvery) throws IOException {
		FileBatch batch = of(sql, departments, count, badEvery);
		batch.drop(inbox, 0, count);
		return batch;
	}

	/**
	 * {@code count} files spread over the departments in turn, each department's months counting
	 * from 2022-01; every {@code badEvery}-th file (0: none) carries a value that is not a number.
	 */
	static FileBatch of(JdbcClient sql, List<String> departments, int count, int badEvery) {
		List<String> districts = sql.sql("SELECT code FROM reporting.district ORDER BY 1").query(String.class).list();
		Map<String, List<String>> indicators = new java.util.HashMap<>();
		List<Dropped> planned = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String department = departments.get(i % departments.size());
			int month = i / departments.size();
			String period = String.format("%d-%02d", 2022 + month / 12, month % 12 + 1);
			boolean bad = badEvery > 0 && i % badEvery == badEvery - 1;
			StringBuilder csv = new StringBuilder("指标编码,区县,报告期,数值\n");
			int figures = 0;
			for (String code : indicators.computeIfAbsent(department, d -> indicatorsLedBy(sql, d))) {
				for (String district : districts) {
					String value = (bad && figures == 0) ? "约四十" : String.valueOf(40 + month % 7);
					csv.append(code).append(',').append(district).append(',').append(period).append(',').append(value).append('\n');
					figures++;
				}
			}
			byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
			planned.add(new Dropped(department, department + "_" + period + ".csv", bytes, sha256(bytes), figures, bad));
		}
		return new FileBatch(planned);
	}

	/** Drops files {@code from} (inclusive) to {@code to} (exclusive) into their departments' folders. */
	void drop(Path inbox, int from, int to) throws IOException {
		for (Dropped file : files.subList(from, to)) {
			Path folder = Files.createDirectories(inbox.resolve(file.department()));
			Files.write(folder.resolve(file.fileName()), file.bytes());
		}
	}

	/** Departments (with an inbox) leading the most quantitative indicators, most first. */
	static List<String> busiestDepartments(JdbcClient sql, int count) {
		return sql.sql("""
				SELECT lead FROM reporting.indicator i JOIN reporting.task t USING (task_no), unnest(t.lead_departments) lead
				JOIN reporting.department d ON d.name = lead AND NOT d.is_group
				WHERE i.basis <> 'status' GROUP BY lead ORDER BY count(*) DESC, lead LIMIT ?""").param(count).query(String.class).list();
	}

	private static List<String> indicatorsLedBy(JdbcClient sql, String department) {
		return sql.sql("""
				SELECT i.indicator_code FROM reporting.indicator i JOIN reporting.task t USING (task_no)
				WHERE ? = ANY (t.lead_departments) AND i.basis <> 'status' ORDER BY 1""").param(department).query(String.class).list();
	}

	List<Dropped> files() {
		return files;
	}

	int size() {
		return files.size();
	}

	/** Figures of the files meant to load. */
	long goodFigures() {
		return files.stream().filter(f -> !f.bad()).mapToLong(Dropped::figures).sum();
	}

	/** How many files are meant to be loaded and rejected: {@code loaded=…, rejected=…}. */
	List<String> expectedOutcomes() {
		long bad = files.stream().filter(Dropped::bad).count();
		return Stream.of(bad == files.size() ? null : "loaded=" + (files.size() - bad), bad == 0 ? null : "rejected=" + bad)
			.filter(s -> s != null)
			.toList();
	}

	/**
	 * Every file processed exactly once with the outcome it was made for, no fact twice, every input's
	 * bytes in the archive, a receipt for each and nothing else left in the inbox.
	 */
	void assertAccountedFor(JdbcClient sql, Path inbox, Path archive) throws IOException {
		assertThat(sql.sql("SELECT status, count(*) FROM warehouse.submission GROUP BY status ORDER BY 1")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).as("one submission per file, with its outcome").containsExactlyElementsOf(expectedOutcomes());
		Map<String, String> outcomeByFile = sql.sql("SELECT inbox_folder || '/' || file_name, status || ' ' || sha256 FROM warehouse.submission")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		for (Dropped file : files) {
			assertThat(outcomeByFile.get(file.department() + "/" + file.fileName())).as(file.fileName())
				.isEqualTo((file.bad() ? "rejected " : "loaded ") + file.sha256());
			Path kept = archive.resolve(file.sha256().substring(0, 2)).resolve(file.sha256());
			assertThat(sha256(Files.readAllBytes(kept))).as("archived bytes of " + file.fileName()).isEqualTo(file.sha256());
		}
		assertThat(count(sql, "SELECT count(*) FROM warehouse.fact")).as("no fact twice").isEqualTo(goodFigures());
		assertThat(count(sql, """
				SELECT count(DISTINCT (department_code, indicator_code, district_code, period)) FROM warehouse.fact
				WHERE is_current""")).isEqualTo(goodFigures());
		assertThat(count(sql, "SELECT count(*) FROM warehouse.submission WHERE receipt_written_at IS NULL")).as("every receipt written")
			.isZero();
		for (String department : files.stream().map(Dropped::department).distinct().toList()) {
			try (Stream<Path> left = Files.list(inbox.resolve(department))) {
				assertThat(left.map(f -> f.getFileName().toString()).filter(n -> !n.contains(".回执(")).toList())
					.as("nothing but receipts left in " + department).isEmpty();
			}
		}
	}

	static long count(JdbcClient sql, String query) {
		Long value = sql.sql(query).query(Long.class).single();
		return value == null ? 0 : value;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
