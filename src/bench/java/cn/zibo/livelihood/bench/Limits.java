package cn.zibo.livelihood.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.postgresql.PGConnection;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The limits the pipeline is measured against, each doing only its one thing: PostgreSQL's COPY of
 * the CSV bytes into a table without indexes or constraints, POI's stock event-model read of the
 * workbook, Commons CSV's parse of the text. Each returns the rows it saw.
 */
final class Limits {

	/** Dropped after use; it lives only in the benchmark's own database. */
	private static final String COPY_TABLE = "public.bench_copy_limit";

	private Limits() {
	}

	/** COPY of the file's bytes (header skipped) through PgJDBC's CopyManager, committed. */
	static long copy(DataSource dataSource, Path csv) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(true);
			sql.execute("DROP TABLE IF EXISTS " + COPY_TABLE);
			sql.execute("CREATE TABLE " + COPY_TABLE + " (indicator_code text, indicator_name text, district text,"
					+ " period text, value text, unit text, remark text)");
			sql.execute("CHECKPOINT");
			long rows;
			try (InputStream in = Files.newInputStream(csv)) {
				rows = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + COPY_TABLE + " FROM STDIN (FORMAT csv, HEADER true, ENCODING 'UTF8')", in, 1 << 16);
			}
			return rows;
		}
	}

	static void dropCopyTable(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			connection.setAutoCommit(true);
			sql.execute("DROP TABLE IF EXISTS " + COPY_TABLE);
		}
	}

	/** XSSFReader + XSSFSheetXMLHandler + DataFormatter over every sheet; the handler only counts. */
	static long poiEventRead(Path xlsx) throws Exception {
		long[] rows = { 0 };
		SheetContentsHandler counter = new SheetContentsHandler() {

			@Override
			public void startRow(int rowNum) {
			}

			@Override
			public void endRow(int rowNum) {
				rows[0]++;
			}

			@Override
			public void cell(String reference, String formattedValue, XSSFComment comment) {
			}

		};
		try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			var styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, counter, new DataFormatter(), false));
					parser.parse(new InputSource(sheet));
				}
			}
		}
		return rows[0] - 1;
	}

	/** Commons CSV in RFC 4180 mode over the decoded text; every record is iterated, nothing kept. */
	static long csvParse(Path csv, Charset charset) throws Exception {
		long rows = 0;
		try (BufferedReader text = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), charset), 1 << 16);
				CSVParser parser = CSVFormat.RFC4180.parse(text)) {
			for (CSVRecord record : parser) {
				rows += (record.size() > 0) ? 1 : 0;
			}
		}
		return rows - 1;
	}

}
