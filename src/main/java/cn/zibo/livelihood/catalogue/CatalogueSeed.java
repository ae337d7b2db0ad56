package cn.zibo.livelihood.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Catalogue} from {@code seeds/}: the source document for campaigns, sections,
 * tasks and their leads, and three curated tables written by reading it: {@code departments.csv},
 * {@code districts.csv} and {@code indicators.csv}. Every task also gets its {@code -00} progress
 * indicator here, so no task can lack one. Problems in any file are collected and reported together.
 */
public final class CatalogueSeed {

	static final String DEPARTMENTS = "departments.csv";

	static final String DISTRICTS = "districts.csv";

	static final String INDICATORS = "indicators.csv";

	private CatalogueSeed() {
	}

	public static Catalogue read(Path seeds, String documentName) {
		Path document = seeds.resolve(documentName);
		List<String> problems = new ArrayList<>();
		for (Path file : List.of(document, seeds.resolve(DEPARTMENTS), seeds.resolve(DISTRICTS),
				seeds.resolve(INDICATORS))) {
			if (!Files.isRegularFile(file)) {
				problems.add(file + ": missing (缺少种子文件)");
			}
		}
		if (!problems.isEmpty()) {
			throw new CatalogueSeedException(problems);
		}
		SeedDocument parsed = SeedDocumentParser.parse(documentName, lines(document));
		List<Department> departments = DepartmentTable.read(seeds.resolve(DEPARTMENTS), problems);
		List<District> districts = DistrictTable.read(seeds.resolve(DISTRICTS), problems);
		Map<Integer, List<String>> leads = resolveLeads(parsed.tasks(), departments, problems);
		List<Indicator> indicators = new ArrayList<>();
		for (Task task : parsed.tasks()) {
			indicators.add(Indicator.statusOf(task.no()));
		}
		indicators.addAll(IndicatorTable.read(seeds.resolve(INDICATORS), parsed.tasks(), problems));
		indicators.sort((a, b) -> a.code().compareTo(b.code()));
		if (!problems.isEmpty()) {
			throw new CatalogueSeedException(problems);
		}
		String sha = fingerprint(document, seeds.resolve(DEPARTMENTS), seeds.resolve(DISTRICTS),
				seeds.resolve(INDICATORS));
		return new Catalogue(parsed.campaigns(), parsed.sections(), parsed.tasks(), departments, leads, districts,
				List.copyOf(indicators), sha);
	}

	private static Map<Integer, List<String>> resolveLeads(List<Task> tasks, List<Department> departments,
			List<String> problems) {
		Map<Integer, List<String>> leads = new LinkedHashMap<>();
		for (Task task : tasks) {
			Set<String> codes = new LinkedHashSet<>();
			for (String written : task.leadsWritten()) {
				List<Department> matches = departments.stream().filter(d -> d.isCalled(written)).toList();
				if (matches.size() == 1) {
					codes.add(matches.get(0).code());
				}
				else {
					problems.add("task " + task.no() + ": lead department '" + written + "' "
							+ (matches.isEmpty() ? "is not in " + DEPARTMENTS : "matches several rows of " + DEPARTMENTS));
				}
			}
			leads.put(task.no(), List.copyOf(codes));
		}
		return leads;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String fingerprint(Path... files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path file : files) {
				digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(Files.readAllBytes(file));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
