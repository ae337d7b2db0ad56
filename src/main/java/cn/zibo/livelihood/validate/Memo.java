package cn.zibo.livelihood.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a cell's text was read as, for one file: a file repeats the same few districts,
 * periods and codes on every row, and reading them (width folding, patterns) costs more than the
 * rest of a row's checks. Bounded, so a file of all-different texts costs no memory.
 */
final class Memo<V> {

	private static final int MAX = 10_000;

	private final Map<String, V> known = new HashMap<>();

	private final Function<String, V> read;

	Memo(Function<String, V> read) {
		this.read = read;
	}

	V get(String text) {
		V value = known.get(text);
		if (value == null) {
			value = read.apply(text);
			if (known.size() < MAX) {
				known.put(text, value);
			}
		}
		return value;
	}

}
