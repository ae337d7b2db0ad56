package cn.zibo.livelihood.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a submitted file for reading, after deciding from its bytes and its name what it is. A
 * workbook saved under the other workbook extension (.xlsx content named .xls, as some systems
 * export) is read by what it is; text and workbooks swapped with .csv, and everything that is not a
 * CSV, XLSX or XLS file, are refused with a reason the clerk can act on.
 */
public final class TabularFiles {

	private static final Set<String> ACCEPTED = Set.of("csv", "xlsx", "xls");

	/** Extensions under which an encrypted Office file is worth calling encrypted rather than unwanted. */
	private static final Set<String> OFFICE = Set.of("csv", "xlsx", "xls", "xlsb", "xlsm");

	private TabularFiles() {
	}

	/**
	 * Why a file of {@code size} bytes, over {@code limit}, is not read at all: checked before
	 * {@link #open}, since opening a large workbook already costs memory.
	 */
	public static UnreadableFileException overLimit(Path file, long size, long limit) {
		return new UnreadableFileException(Rejections.TOO_LARGE, Rejections.TOO_LARGE + ": " + file + " is " + size
				+ " bytes, over the limit of " + limit, Rejections.overLimit(size, limit), null);
	}

	public static TabularFile open(Path file) throws UnreadableFileException {
		String extension = extension(file);
		FileKind kind;
		try {
			kind = FileSniffer.sniff(file);
		}
		catch (IOException | RuntimeException ex) {
			throw Rejections.corrupt(file, "cannot read the file: " + ex, "（读取文件时出错）", ex);
		}
		if (kind == FileKind.ENCRYPTED && OFFICE.contains(extension)) {
			throw Rejections.encrypted(file, null);
		}
		if (!ACCEPTED.contains(extension)) {
			throw Rejections.unsupportedExtension(file, extension);
		}
		if (kind == FileKind.EMPTY) {
			throw Rejections.empty(file);
		}
		return extension.equals("csv") ? openCsv(file, kind) : openWorkbook(file, extension, kind);
	}

	private static TabularFile openCsv(Path file, FileKind kind) throws UnreadableFileException {
		return switch (kind) {
			case TEXT -> CsvTabularFile.open(file);
			case XLSX, XLS -> throw Rejections.wrongExtension(file, "csv", kind);
			case CORRUPT_ZIP, CORRUPT_OLE2 -> throw Rejections.corrupt(file, "content is a " + kind.english(), "", null);
			default -> throw Rejections.unsupported(file, kind);
		};
	}

	private static TabularFile openWorkbook(Path file, String extension, FileKind kind) throws UnreadableFileException {
		return switch (kind) {
			case XLSX -> withSheets(file, XlsxTabularFile.open(file));
			case XLS -> withSheets(file, XlsTabularFile.open(file));
			case TEXT -> throw Rejections.wrongExtension(file, extension, kind);
			case ZIP, CORRUPT_ZIP, CORRUPT_OLE2 -> throw Rejections.corrupt(file, "content is a " + kind.english(),
					"（不是完整的Excel工作簿）", null);
			default -> throw Rejections.unsupported(file, kind);
		};
	}

	/** Excel cannot save a workbook without a sheet, so one without is damaged. */
	private static TabularFile withSheets(Path file, TabularFile workbook) throws UnreadableFileException {
		if (workbook.sheetNames().isEmpty()) {
			workbook.close();
			throw Rejections.corrupt(file, "workbook has no sheets", "（工作簿中没有工作表）", null);
		}
		return workbook;
	}

	private static String extension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
