package cn.zibo.livelihood.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as one sheet named after the file. Read with Commons CSV in RFC 4180 mode, streaming
 * from disk on every pass; the encoding and separator are found once, when the file is opened.
 */
final class CsvTabularFile implements TabularFile {

	private final Path file;

	private final String sheet;

	private final CsvEncoding encoding;

	private final CSVFormat format;

	private CsvTabularFile(Path file, CsvEncoding encoding, char delimiter) {
		this.file = file;
		this.sheet = sheetName(file);
		this.encoding = encoding;
		// Empty lines are kept as records so that the parser's line count stays the line a person sees.
		// Text after a closing quote is kept as Excel keeps it; an unclosed quote is still an error.
		this.format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setTrailingData(true)
			.setLenientEof(false)
			.get();
	}

	static CsvTabularFile open(Path file) throws UnreadableFileException {
		try {
			CsvEncoding encoding = CsvEncoding.detect(file);
			char delimiter;
			try (Reader text = reader(file, encoding)) {
				delimiter = CsvDelimiter.detect(text);
			}
			return new CsvTabularFile(file, encoding, delimiter);
		}
		catch (IOException | RuntimeException ex) {
			throw Rejections.failure(file, ex);
		}
	}

	@Override
	public List<String> sheetNames() {
		return List.of(sheet);
	}

	@Override
	public boolean hidden(String sheet) {
		checkSheet(sheet);
		return false;
	}

	@Override
	public List<MergedRange> mergedRanges(String sheet) {
		checkSheet(sheet);
		return List.of();
	}

	@Override
	public void readRows(String sheet, RowConsumer consumer) throws UnreadableFileException {
		checkSheet(sheet);
		int line = 1;
		try (Reader text = reader(file, encoding); CSVParser parser = format.parse(text)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				line = (int) parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					return;
				}
				if (!CellRow.deliver(row(records.next(), line), consumer)) {
					return;
				}
			}
		}
		catch (CellRow.ConsumerFailure ex) {
			throw ex.original();
		}
		catch (UncheckedIOException ex) {
			String reason = String.valueOf(ex.getCause().getMessage());
			if (reason.contains("encapsulated token")) {
				throw Rejections.csvProblem(file, line, reason, "开始的引号（\"）没有成对闭合", ex);
			}
			throw Rejections.failure(file, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw Rejections.failure(file, ex);
		}
	}

	private SheetRow row(CSVRecord record, int line) throws UnreadableFileException {
		CellRow row = new CellRow();
		for (int column = 0; column < record.size(); column++) {
			String value = record.get(column);
			if (value.indexOf('\0') >= 0) {
				throw Rejections.csvProblem(file, line, "NUL character in field " + (column + 1), "含有空字符（NUL）", null);
			}
			row.put(column, value);
		}
		return row.toSheetRow(sheet, line);
	}

	@Override
	public void close() {
		// nothing is held open between passes
	}

	private void checkSheet(String name) {
		if (!sheet.equals(name)) {
			throw new IllegalArgumentException("no sheet '" + name + "' in " + file + "; it has " + sheetNames());
		}
	}

	private static Reader reader(Path file, CsvEncoding encoding) throws IOException {
		var in = Files.newInputStream(file);
		try {
			in.skipNBytes(encoding.bomLength());
			return new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
		}
		catch (IOException ex) {
			in.close();
			throw ex;
		}
	}

	private static String sheetName(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
