package cn.zibo.livelihood.validate;

import java.util.HashMap;
import java.util.Map;

/**
 * The figures a file has given so far (indicator, district, period) and the row of each, to catch
 * one given twice. A file of a million figures would hold a million strings in a map; here each
 * code gets a small number once, a figure is one {@code long} in an open-addressed table, and its
 * row an {@code int} beside it: about 24 bytes a figure instead of about 120.
 */
final class FigureKeys {

	private static final int BITS = 21;

	private final Map<String, Integer> indicators = new HashMap<>();

	private final Map<String, Integer> districts = new HashMap<>();

	private final Map<String, Integer> periods = new HashMap<>();

	/** Key + 1, so that 0 marks a free slot. */
	private long[] keys = new long[1 << 10];

	private int[] rows = new int[1 << 10];

	private int size;

	/** @return the row that gave this figure first, or null (and it is remembered with this row) */
	Integer putIfAbsent(Figure figure, int rowNo) {
		long key = (id(indicators, figure.indicatorCode()) << (2 * BITS)) | (id(districts, figure.districtCode()) << BITS)
				| id(periods, figure.period().code());
		int slot = find(keys, key + 1);
		if (keys[slot] != 0) {
			return rows[slot];
		}
		keys[slot] = key + 1;
		rows[slot] = rowNo;
		if (++size * 2 > keys.length) {
			grow();
		}
		return null;
	}

	private static long id(Map<String, Integer> ids, String code) {
		int id = ids.computeIfAbsent(code, c -> ids.size());
		if (id >= 1 << BITS) {
			throw new IllegalStateException("more than " + (1 << BITS) + " distinct codes in one file");
		}
		return id;
	}

	private static int find(long[] table, long stored) {
		int mask = table.length - 1;
		int slot = (int) mix(stored) & mask;
		while (table[slot] != 0 && table[slot] != stored) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldRows = rows;
		keys = new long[oldKeys.length * 2];
		rows = new int[oldKeys.length * 2];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != 0) {
				int slot = find(keys, oldKeys[i]);
				keys[slot] = oldKeys[i];
				rows[slot] = oldRows[i];
			}
		}
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

}
