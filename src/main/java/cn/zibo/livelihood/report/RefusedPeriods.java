package cn.zibo.livelihood.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import cn.zibo.livelihood.validate.Period;

/**
 * The periods a refused file was about, as far as they are known: a refused file records no periods
 * (none of its figures count), but the figures valid in themselves that it withheld name theirs,
 * and its name often carries one (市教育局_2024年第三季度.xlsx). Empty when neither says.
 */
public final class RefusedPeriods {

	private RefusedPeriods() {
	}

	/** Period codes, earliest first. */
	public static List<String> of(Collection<String> withheldPeriods, String fileName) {
		Stream<Period> named = fileName == null ? Stream.empty() : Period.find(fileName).stream();
		return Stream.concat(withheldPeriods.stream().map(Period::parse).flatMap(java.util.Optional::stream), named)
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.comparing(Period::start).thenComparing(Period::end, Comparator.reverseOrder()))
			.map(Period::code)
			.toList();
	}

}
