package cn.zibo.livelihood.ingest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.ingest.layout.Field;
import cn.zibo.livelihood.validate.Period;

/**
 * The mappings of {@code mappings/}: {@code default.yml}, one optional file per department, and
 * files for recurring templates, recognised by their file names ({@code files: "月报*.xlsx"}). Read
 * once per job run and checked whole: a malformed file stops the run with every problem named by
 * file, rather than half-applying a mapping.
 */
public final class Mappings {

	static final String DEFAULT_FILE = "default.yml";

	private static final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Mapping defaults;

	private final Map<String, Mapping> byDepartment;

	private final List<TemplateMapping> templates;

	private Mappings(Mapping defaults, Map<String, Mapping> byDepartment, List<TemplateMapping> templates) {
		this.defaults = defaults;
		this.byDepartment = byDepartment;
		this.templates = templates;
	}

	/** A mapping for a recurring template, recognised by its file names (for one department, or any). */
	private record TemplateMapping(String departmentCode, PathMatcher files, Mapping mapping) {

		boolean applies(String department, String fileName) {
			return (departmentCode == null || departmentCode.equals(department)) && files.matches(Path.of(fileName));
		}

	}

	/** The mapping a department's files are read with. */
	public Mapping forDepartment(String departmentCode) {
		Mapping own = byDepartment.get(departmentCode);
		return own == null ? defaults : defaults.with(own);
	}

	/** The mapping for one file: the department's, and on top of it a template's whose file names match. */
	public Mapping forFile(String departmentCode, String fileName) {
		Mapping mapping = forDepartment(departmentCode);
		for (TemplateMapping template : templates) {
			if (template.applies(departmentCode, fileName)) {
				mapping = mapping.with(template.mapping());
			}
		}
		return mapping;
	}

	/** @throws IllegalStateException naming every bad file and what is wrong with it */
	public static Mappings load(Path directory, Catalogue catalogue) {
		List<String> problems = new ArrayList<>();
		Path defaultFile = directory.resolve(DEFAULT_FILE);
		Mapping defaults = Files.isRegularFile(defaultFile) ? read(defaultFile, problems).toMapping(DEFAULT_FILE, problems)
				: null;
		if (defaults == null && problems.isEmpty()) {
			problems.add(defaultFile + ": missing; it lists the accepted headers");
		}
		Map<String, Mapping> byDepartment = new HashMap<>();
		List<TemplateMapping> templates = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
				.sorted()
				.toList()) {
				if (file.getFileName().toString().equals(DEFAULT_FILE)) {
					continue;
				}
				MappingFile content = read(file, problems);
				Mapping mapping = content == null ? null : content.toMapping(file.getFileName().toString(), problems);
				if (content != null && content.department() == null && content.files() == null) {
					problems.add(file.getFileName() + ": names neither a department (department: …) nor files (files: …)");
				}
				else if (mapping != null) {
					Department department = content.department() == null ? null
							: catalogue.department(content.department()).orElse(null);
					if (content.department() != null && department == null) {
						problems.add(file.getFileName() + ": department '" + content.department() + "' is not in the catalogue");
					}
					else if (content.files() != null) {
						templates.add(new TemplateMapping(department == null ? null : department.code(),
								FileSystems.getDefault().getPathMatcher("glob:" + content.files()), mapping));
					}
					else if (byDepartment.putIfAbsent(department.code(), mapping) != null) {
						problems.add(file.getFileName() + ": a second mapping for " + department.name());
					}
				}
			}
		}
		catch (IOException ex) {
			problems.add(directory + ": " + ex.getMessage());
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Bad mapping file(s) in " + directory + " (表头映射):\n  " + String.join("\n  ", problems));
		}
		return new Mappings(defaults, byDepartment, templates);
	}

	private static MappingFile read(Path file, List<String> problems) {
		try {
			return yaml.readValue(file.toFile(), MappingFile.class);
		}
		catch (JacksonException ex) {
			problems.add(file.getFileName() + ": " + ex.getOriginalMessage());
			return null;
		}
	}

	/** The YAML shape of a mapping file. */
	record MappingFile(String department, String files, String description, String policy, String period,
			Map<String, List<String>> fields) {

		Mapping toMapping(String name, List<String> problems) {
			Map<Field, List<String>> spellings = new EnumMap<>(Field.class);
			if (fields != null) {
				fields.forEach((key, list) -> {
					try {
						spellings.put(Field.ofKey(key), list == null ? List.of() : List.copyOf(list));
					}
					catch (IllegalArgumentException ex) {
						problems.add(name + ": " + ex.getMessage());
					}
				});
			}
			if (policy != null && !policy.equals("partial") && !policy.equals("all_or_nothing")) {
				problems.add(name + ": policy must be all_or_nothing or partial, was '" + policy + "'");
			}
			if (period != null && Period.parse(period).isEmpty()) {
				problems.add(name + ": period '" + period + "' is not a period (2024Q3, 2024-07, 2024H1, 2024)");
			}
			return new Mapping(name, "partial".equals(policy), spellings, period);
		}

	}

}
