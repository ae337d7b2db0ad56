package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Every figure of a run, machine-readable ({@code -Dbench.json=FILE}): per size the rows and the
 * rows per second of each loader, peak heap and RSS of each pipeline run; the latency; reconcile and
 * report; both cores; and the targets table's verdicts. Seconds and rows per second as JSON numbers,
 * null where not measured. Written by hand: the figures are a handful of numbers.
 */
final class BenchJson {

	private BenchJson() {
	}

	static void write(Figures f, Path file) throws IOException {
		StringJoiner sizes = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
		for (Figures.Size s : f.sizes) {
			sizes.add(object("rows", s.rows, "copyRowsPerSecond", rate(s.copy), "peerRowsPerSecond", rate(s.peer),
					"commonsCsvParseRowsPerSecond", rate(s.csvParse), "commonsCsvParseGb18030RowsPerSecond", rate(s.gbParse),
					"poiEventReadRowsPerSecond", rate(s.poiRead), "pipelineCsv", pipeline(s.csv), "pipelineGb18030",
					pipeline(s.gb), "pipelineXlsx", pipeline(s.xlsx)));
		}
		List<Double> sorted = f.latencies.stream().sorted().toList();
		String latency = sorted.isEmpty() ? "null"
				: object("files", sorted.size(), "medianSeconds", Figures.percentile(sorted, 50), "p95Seconds",
						Figures.percentile(sorted, 95), "maxSeconds", sorted.get(sorted.size() - 1), "warehouseFigures",
						f.latencyWarehouseFigures, "openFindings", f.latencyWarehouseFindings, "seconds", array(f.latencies));
		BothCores.Result b = f.bothCores;
		String bothCores = b == null ? "null"
				: object("files", b.files(), "rowsPerFile", b.rowsPerFile(), "jobSecondsOneAfterAnother", b.jobOneAfterAnother(),
						"jobSecondsAtOnce", b.jobAtOnce(), "loadStepSecondsOneAfterAnother", b.loadOneAfterAnother(),
						"loadStepSecondsAtOnce", b.loadAtOnce(), "jobRatio", b.jobRatio(), "loadStepRatio", b.loadRatio());
		List<String> targets = new ArrayList<>();
		for (String row : Targets.of(f).subList(2, 9)) {
			String[] cells = row.substring(2, row.length() - 2).split(" \\| ");
			targets.add(object("target", Integer.parseInt(cells[0]), "what", cells[1], "measured", cells[2], "required",
					cells[3], "met", cells[4].startsWith("yes")));
		}
		String json = "{\n  \"sizes\": " + sizes + ",\n  \"reconcileSeconds\": " + number(f.reconcileSeconds)
				+ ",\n  \"reportSeconds\": " + number(f.reportSeconds) + ",\n  \"latency\": " + latency
				+ ",\n  \"bothCores\": " + bothCores + ",\n  \"targets\": " + array(targets) + "\n}\n";
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, json, StandardCharsets.UTF_8);
	}

	private static String pipeline(Figures.Pipeline p) {
		return p == null ? "null"
				: object("rowsPerSecond", p.job().rowsPerSecond(), "jobSeconds", p.job().seconds(), "loadStepRowsPerSecond",
						p.load().rowsPerSecond(), "loadStepSeconds", p.load().seconds(), "processSeconds", p.processSeconds(),
						"peakHeapMiB", p.peakHeapMib(), "peakRssMiB", p.peakRssKib() / 1024);
	}

	private static Double rate(Figures.Timing t) {
		return t == null ? null : t.rowsPerSecond();
	}

	/** Alternating names and values; a value that is already JSON (an object, an array) is a String starting so. */
	private static String object(Object... pairs) {
		StringJoiner json = new StringJoiner(", ", "{", "}");
		for (int i = 0; i < pairs.length; i += 2) {
			json.add(string((String) pairs[i]) + ": " + value(pairs[i + 1]));
		}
		return json.toString();
	}

	private static String array(List<?> values) {
		StringJoiner json = new StringJoiner(", ", "[", "]");
		values.forEach(v -> json.add(value(v)));
		return json.toString();
	}

	private static String value(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Number n) {
			return number(n);
		}
		if (value instanceof Boolean) {
			return value.toString();
		}
		String text = value.toString();
		return text.startsWith("{") || text.startsWith("[") || text.equals("null") ? text : string(text);
	}

	private static String number(Number n) {
		if (n == null) {
			return "null";
		}
		if (n instanceof Double d) {
			return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d);
		}
		return n.toString();
	}

	private static String string(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return json.append('"').toString();
	}

}
