package cn.zibo.livelihood.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zibo.livelihood.ingest.layout.Field;
import cn.zibo.livelihood.ingest.layout.Spellings;
import cn.zibo.livelihood.validate.HeaderText;

/**
 * How to read one department's files: which header spellings mean which field, whether a file is
 * loaded whole or in part, and a fixed period for files that carry none.
 *
 * @param name the mapping file(s) this comes from, for messages
 * @param period a fixed period, or null
 */
public record Mapping(String name, boolean partial, Map<Field, List<String>> spellings, String period) implements Spellings {

	/** The field a header names, if any, by its matching key. */
	@Override
	public Optional<Field> fieldOf(String header) {
		String key = HeaderText.of(header).key();
		for (Map.Entry<Field, List<String>> entry : spellings.entrySet()) {
			for (String spelling : entry.getValue()) {
				if (HeaderText.keyOf(spelling).equals(key)) {
					return Optional.of(entry.getKey());
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * This mapping with a department's (or template's) additions: its spellings come first, its period
	 * wins, and either saying {@code policy: partial} makes it partial (all-or-nothing is the default,
	 * so a layer that says nothing keeps what is below it).
	 */
	Mapping with(Mapping department) {
		Map<Field, List<String>> merged = new EnumMap<>(Field.class);
		for (Field field : Field.values()) {
			List<String> all = new ArrayList<>(department.spellings().getOrDefault(field, List.of()));
			all.addAll(spellings.getOrDefault(field, List.of()));
			merged.put(field, List.copyOf(all));
		}
		return new Mapping(name + " + " + department.name(), partial || department.partial(), merged,
				department.period() != null ? department.period() : period);
	}

}
