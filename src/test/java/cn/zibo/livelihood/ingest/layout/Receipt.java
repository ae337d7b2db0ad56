package cn.zibo.livelihood.ingest.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.zibo.livelihood.ingest.IngestFixture;

/** A submission's receipt as the department finds it in its folder: the text, and a sheet of the workbook. */
final class Receipt {

	private Receipt() {
	}

	static String text(IngestFixture fixture, String folder, String fileName, long id) {
		try {
			return Files.readString(fixture.inbox().resolve(folder).resolve(fileName + ".回执(" + id + ").txt"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The lines of the text receipt's 读取方式 block, without their indent. */
	static List<String> reading(String text) {
		List<String> lines = new ArrayList<>();
		boolean in = false;
		for (String line : text.lines().toList()) {
			if (line.startsWith("读取方式")) {
				in = true;
			}
			else if (in && line.startsWith("  ")) {
				lines.add(line.strip());
			}
			else if (in) {
				break;
			}
		}
		return lines;
	}

	/** Every row of one sheet of the receipt workbook below its title, cells joined by " | ". */
	static List<String> sheet(IngestFixture fixture, String folder, String fileName, long id, String sheet) {
		Path workbook = fixture.inbox().resolve(folder).resolve(fileName + ".回执(" + id + ").xlsx");
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook read = new XSSFWorkbook(in)) {
			Sheet found = read.getSheet(sheet);
			DataFormatter format = new DataFormatter();
			List<String> rows = new ArrayList<>();
			for (Row row : found) {
				if (row.getRowNum() == 0) {
					continue;
				}
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(format.formatCellValue(cell)));
				rows.add(String.join(" | ", cells));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
