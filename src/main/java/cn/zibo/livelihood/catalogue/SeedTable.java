package cn.zibo.livelihood.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A curated CSV file of {@code seeds/}: UTF-8, a header naming exactly the expected columns. */
final class SeedTable {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private SeedTable() {
	}

	/** Rows of the file, each with the line it starts on, refusing a header other than {@code columns}. */
	static List<Row> read(Path file, String... columns) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = FORMAT.parse(reader)) {
			if (!parser.getHeaderNames().equals(Arrays.asList(columns))) {
				throw new CatalogueSeedException(List.of(file.getFileName() + ": header must be "
						+ String.join(",", columns) + " but is " + String.join(",", parser.getHeaderNames())));
			}
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(new Row(file.getFileName() + " line " + (record.getRecordNumber() + 1), record));
			}
			return rows;
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			throw new CatalogueSeedException(List.of(file + ": " + ex.getMessage()));
		}
	}

	static List<String> list(String cell) {
		return cell.isBlank() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::strip).toList();
	}

	/** One record and where it is, for messages. */
	record Row(String where, CSVRecord record) {

		String get(String column) {
			return record.isSet(column) ? record.get(column).strip() : "";
		}

	}

}
