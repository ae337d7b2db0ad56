package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the field separator from the first records: comma unless tab or semicolon is used more
 * consistently. "Consistently" counts the records holding the separator's most common non-zero
 * number of occurrences, because the real separator appears equally often in every record while a
 * comma inside a figure ({@code 2,500} in Excel's tab-separated "Unicode text") mostly does not.
 */
final class CsvDelimiter {

	private static final char[] CANDIDATES = { ',', '\t', ';' };

	private static final int RECORDS = 20;

	private static final int CHARS = 64 * 1024;

	private CsvDelimiter() {
	}

	static char detect(Reader text) throws IOException {
		List<int[]> records = sample(text);
		int best = 0;
		int[] bestScore = score(records, 0);
		for (int c = 1; c < CANDIDATES.length; c++) {
			int[] score = score(records, c);
			if (score[0] > bestScore[0] || (score[0] == bestScore[0] && score[1] > bestScore[1])) {
				best = c;
				bestScore = score;
			}
		}
		return CANDIDATES[best];
	}

	/** Occurrences of each candidate outside quotes, per non-blank record. */
	private static List<int[]> sample(Reader text) throws IOException {
		List<int[]> records = new ArrayList<>();
		int[] current = new int[CANDIDATES.length];
		boolean quoted = false;
		boolean blank = true;
		for (int read = 0, ch = text.read(); ch >= 0 && read < CHARS && records.size() < RECORDS; read++, ch = text.read()) {
			if (ch == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (ch == '\n' || ch == '\r')) {
				if (!blank) {
					records.add(current);
				}
				current = new int[CANDIDATES.length];
				blank = true;
				continue;
			}
			else if (!quoted) {
				for (int c = 0; c < CANDIDATES.length; c++) {
					current[c] += (ch == CANDIDATES[c]) ? 1 : 0;
				}
			}
			blank = blank && Character.isWhitespace(ch);
		}
		if (!blank && records.size() < RECORDS) {
			records.add(current);
		}
		return records;
	}

	/**
	 * How many records hold the candidate's most common non-zero count, and that count. Between
	 * equally consistent candidates the one splitting records into more fields wins: in
	 * {@code 1997;Ford;3000,00} the decimal comma is as regular as the semicolons but fewer.
	 */
	private static int[] score(List<int[]> records, int candidate) {
		Map<Integer, Integer> frequency = new HashMap<>();
		for (int[] record : records) {
			if (record[candidate] > 0) {
				frequency.merge(record[candidate], 1, Integer::sum);
			}
		}
		int[] best = { 0, 0 };
		frequency.forEach((count, holding) -> {
			if (holding > best[0] || (holding == best[0] && count > best[1])) {
				best[0] = holding;
				best[1] = count;
			}
		});
		return best;
	}

}
