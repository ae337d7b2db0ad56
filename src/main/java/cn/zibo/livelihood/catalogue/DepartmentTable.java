package cn.zibo.livelihood.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code seeds/departments.csv}: one row per department or group, with its spellings. */
final class DepartmentTable {

	private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,15}$");

	private DepartmentTable() {
	}

	static List<Department> read(Path file, List<String> problems) {
		List<Department> departments = new ArrayList<>();
		Map<String, String> spellings = new HashMap<>();
		for (SeedTable.Row row : SeedTable.read(file, "code", "name", "name_en", "aliases", "is_group")) {
			String code = row.get("code");
			if (!CODE.matcher(code).matches()) {
				problems.add(row.where() + ": code '" + code + "' must be 2-16 lowercase letters, digits or '-'");
			}
			Department department = new Department(code, row.get("name"), row.get("name_en"),
					SeedTable.list(row.get("aliases")), Boolean.parseBoolean(row.get("is_group")));
			for (String spelling : spellingsOf(department)) {
				String earlier = spellings.putIfAbsent(spelling, code);
				if (earlier != null) {
					problems.add(row.where() + ": '" + spelling + "' already names department " + earlier);
				}
			}
			if (department.name().isEmpty() || department.nameEn().isEmpty()) {
				problems.add(row.where() + ": name and name_en are required");
			}
			departments.add(department);
		}
		return List.copyOf(departments);
	}

	private static List<String> spellingsOf(Department department) {
		List<String> all = new ArrayList<>(department.aliases());
		all.add(department.name());
		all.add(department.code());
		return all;
	}

}
