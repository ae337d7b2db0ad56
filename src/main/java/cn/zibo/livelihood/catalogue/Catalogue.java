package cn.zibo.livelihood.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One complete version of the catalogue, as built from the seed files.
 *
 * @param leads lead department codes per task number, in written order
 * @param seedSha256 fingerprint of the seed files this catalogue was built from
 */
public record Catalogue(List<Campaign> campaigns, List<Section> sections, List<Task> tasks,
		List<Department> departments, Map<Integer, List<String>> leads, List<District> districts,
		List<Indicator> indicators, String seedSha256) {

	public Optional<Department> department(String written) {
		return departments.stream().filter(d -> d.isCalled(written)).findFirst();
	}

	/**
	 * The district a written name stands for: its code, full name, short name, an alias, or 全市.
	 * The caller folds widths and spaces first.
	 */
	public Optional<District> district(String written) {
		return districts.stream()
			.filter(d -> d.code().equalsIgnoreCase(written) || d.name().equals(written) || d.shortName().equals(written)
					|| d.aliases().contains(written) || "全市".equals(written) && d.code().equals(District.CITY_CODE))
			.findFirst();
	}

	public List<String> leadsOf(int taskNo) {
		return leads.getOrDefault(taskNo, List.of());
	}

	public long targetCount() {
		return indicators.stream().filter(i -> !i.isStatus()).count();
	}

}
