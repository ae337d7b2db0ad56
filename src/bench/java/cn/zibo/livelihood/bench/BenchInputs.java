package cn.zibo.livelihood.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the same rows three ways: CSV in UTF-8 (no byte order mark, so the reader has to decide
 * the encoding from the bytes), CSV in GB18030 as Excel writes it on a Chinese system, and XLSX
 * through POI's streaming writer (SXSSF: a window of rows in memory, the rest in a compressed
 * temporary file), with numbers as number cells and text as inline strings.
 */
final class BenchInputs {

	/** The three files of one size. */
	public record Files3(Path utf8Csv, Path gb18030Csv, Path xlsx) {
	}

	private BenchInputs() {
	}

	public static Files3 write(BenchRows rows, long count, Path folder) throws IOException {
		Files.createDirectories(folder);
		String stem = "卫生健康_" + count + "行";
		Path utf8 = folder.resolve(stem + "_UTF-8.csv");
		Path gb = folder.resolve(stem + "_GB18030.csv");
		Path xlsx = folder.resolve(stem + ".xlsx");
		csv(rows, count, utf8, java.nio.charset.StandardCharsets.UTF_8);
		csv(rows, count, gb, Charset.forName("GB18030"));
		xlsx(rows, count, xlsx);
		return new Files3(utf8, gb, xlsx);
	}

	static void csv(BenchRows rows, long count, Path file, Charset charset) throws IOException {
		try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16)) {
			out.write(String.join(",", BenchRows.HEADERS));
			out.write("\r\n");
			for (long i = 0; i < count; i++) {
				out.write(String.join(",", rows.row(i).cells()));
				out.write("\r\n");
			}
		}
	}

	static void xlsx(BenchRows rows, long count, Path file) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try (OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("填报");
			Row header = sheet.createRow(0);
			for (int c = 0; c < BenchRows.HEADERS.size(); c++) {
				header.createCell(c).setCellValue(BenchRows.HEADERS.get(c));
			}
			for (long i = 0; i < count; i++) {
				BenchRows.Row row = rows.row(i);
				Row r = sheet.createRow((int) i + 1);
				r.createCell(0).setCellValue(row.code());
				r.createCell(1).setCellValue(row.name());
				r.createCell(2).setCellValue(row.district());
				r.createCell(3).setCellValue(row.period());
				if (row.number() != null) {
					r.createCell(4).setCellValue(row.number());
					r.createCell(5).setCellValue(row.unit());
				}
				else {
					r.createCell(4).setCellValue(row.text());
					r.createCell(6).setCellValue(row.remark());
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

}
