package cn.zibo.livelihood.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code seeds/districts.csv}: the city, its districts and counties, and the functional zones. */
final class DistrictTable {

	private static final Set<String> KINDS = Set.of("city", "district", "county", "zone");

	private DistrictTable() {
	}

	static List<District> read(Path file, List<String> problems) {
		List<District> districts = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (SeedTable.Row row : SeedTable.read(file, "code", "name", "short_name", "kind", "aliases")) {
			District district = new District(row.get("code"), row.get("name"), row.get("short_name"), row.get("kind"),
					SeedTable.list(row.get("aliases")));
			if (!codes.add(district.code())) {
				problems.add(row.where() + ": district code " + district.code() + " appears twice");
			}
			if (!KINDS.contains(district.kind())) {
				problems.add(row.where() + ": kind must be one of " + KINDS + ", was '" + district.kind() + "'");
			}
			districts.add(district);
		}
		if (!codes.contains(District.CITY_CODE)) {
			problems.add(file.getFileName() + ": the city itself (" + District.CITY_CODE + ", 全市) is missing");
		}
		return List.copyOf(districts);
	}

}
