package cn.zibo.livelihood.ingest.read;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;

/**
 * Every reason to refuse a file, worded once: the code, an English line for the operator and a
 * Chinese one for the clerk that always ends with what to do.
 */
final class Rejections {

	static final String EMPTY_FILE = "empty_file";

	static final String ENCRYPTED = "encrypted";

	static final String UNSUPPORTED_FORMAT = "unsupported_format";

	static final String WRONG_EXTENSION = "wrong_extension";

	static final String CORRUPT_FILE = "corrupt_file";

	static final String TOO_LARGE = "too_large";

	private static final String SAVE_AS_XLSX = "用Excel打开后另存为“Excel工作簿（*.xlsx）”，再重新报送。";

	private Rejections() {
	}

	static UnreadableFileException empty(Path file) {
		return reject(EMPTY_FILE, file, "file has no content", null,
				"文件是空的，没有任何内容。请确认报送的是填好数据并已保存的文件，再重新报送。");
	}

	static UnreadableFileException encrypted(Path file, Throwable cause) {
		return reject(ENCRYPTED, file, "file is encrypted", cause,
				"文件已加密（设置了打开密码，或用密码保护了工作簿），系统无法读取。请在Excel中取消密码"
						+ "（文件→信息→保护工作簿→用密码进行加密，清空密码并保存）后重新报送。");
	}

	static UnreadableFileException unsupportedExtension(Path file, String extension) {
		String what = switch (extension) {
			case "xlsb" -> FileKind.XLSB.chinese();
			case "xlsm" -> "启用宏的Excel工作簿（.xlsm）";
			case "ods" -> FileKind.ODS.chinese();
			case "et" -> "WPS表格（.et）";
			case "" -> "没有扩展名的文件";
			default -> "." + extension + "文件";
		};
		return reject(UNSUPPORTED_FORMAT, file, "extension '" + extension + "' is not .csv/.xlsx/.xls", null,
				"系统不接收" + what + "，只接收Excel工作簿（.xlsx、.xls）和CSV文件（.csv）。请" + SAVE_AS_XLSX);
	}

	static UnreadableFileException unsupported(Path file, FileKind kind) {
		return reject(UNSUPPORTED_FORMAT, file, "content is " + kind.english(), null,
				"文件内容实际是" + kind.chinese() + "，系统无法读取。请" + SAVE_AS_XLSX);
	}

	static UnreadableFileException wrongExtension(Path file, String extension, FileKind kind) {
		String rightName = switch (kind) {
			case TEXT -> ".csv";
			case XLSX -> ".xlsx";
			default -> ".xls";
		};
		String reason = "extension '" + extension + "' but content is " + kind.english();
		return reject(WRONG_EXTENSION, file, reason, null, "文件扩展名是." + extension + "，但内容实际是" + kind.chinese()
				+ "。请把扩展名改为" + rightName + "，或" + SAVE_AS_XLSX);
	}

	static UnreadableFileException corrupt(Path file, String reason, String chineseDetail, Throwable cause) {
		return reject(CORRUPT_FILE, file, reason, cause,
				"文件已损坏或内容不完整，无法读取" + chineseDetail + "。请确认文件能在Excel中正常打开，然后" + SAVE_AS_XLSX);
	}

	static UnreadableFileException csvProblem(Path file, int line, String reason, String chineseProblem,
			Throwable cause) {
		return reject(CORRUPT_FILE, file, "line " + line + ": " + reason, cause,
				"CSV文件第" + line + "行" + chineseProblem + "，无法继续读取。请改正该行后重新报送，或" + SAVE_AS_XLSX);
	}

	static UnreadableFileException tooLarge(Path file, Throwable cause) {
		return reject(TOO_LARGE, file, "exceeds the reader's size limits: " + firstLine(cause), cause,
				"文件过大或内容异常（解压后的数据量超过系统限制），系统拒绝读取。"
						+ "请删除无关的工作表和内容，另存为新的.xlsx文件后重新报送；如确需报送大量数据，请联系系统管理员。");
	}

	/** The clerk's message for a file over {@code etl.ingest.max-file-size}, which is not read at all. */
	static String overLimit(long size, long limit) {
		return "文件大小为" + megabytes(size) + "（" + size + "字节），超过系统接收的上限" + megabytes(limit) + "，系统没有读取该文件"
				+ "（原文件已留档）。请删除无关的工作表和内容，或分成几个较小的文件后重新报送；如确需报送更大的文件，请联系系统管理员。";
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/**
	 * Names what went wrong inside POI, Commons CSV or the XML parser. Size limits and encryption
	 * are recognised anywhere in the cause chain, since the libraries wrap them in their own
	 * exceptions; everything else is a damaged file.
	 */
	static UnreadableFileException failure(Path file, Throwable failure) {
		return failure(file, "", "", failure);
	}

	/** As {@link #failure(Path, Throwable)}, saying where in the file a damaged one broke. */
	static UnreadableFileException failure(Path file, String where, String chineseWhere, Throwable failure) {
		Throwable t = failure;
		for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
			if (t instanceof UnreadableFileException unreadable) {
				return unreadable;
			}
			if (t instanceof EncryptedDocumentException) {
				return encrypted(file, failure);
			}
			if (t instanceof OldFileFormatException) {
				return unsupported(file, FileKind.OLD_EXCEL);
			}
			if (t instanceof CellTooLongException tooLong) {
				return reject(TOO_LARGE, file, (where.isEmpty() ? "" : where + ": ") + tooLong.getMessage(), failure,
						"文件中有单元格的内容超过Excel允许的" + "32,767个字符" + chineseWhere
								+ "，不是Excel正常保存的文件，系统拒绝读取。请确认文件能在Excel中正常打开，另存为新的.xlsx文件后重新报送。");
			}
			if (isSizeLimit(String.valueOf(t.getMessage()))) {
				return tooLarge(file, failure);
			}
		}
		return corrupt(file, (where.isEmpty() ? "" : where + ": ") + firstLine(failure), chineseWhere, failure);
	}

	private static boolean isSizeLimit(String message) {
		return message.contains("Zip bomb detected") || message.contains("maximum length for this record type")
				|| message.contains("Can't allocate an array >") || message.contains("MAX_FILE_COUNT");
	}

	private static String firstLine(Throwable t) {
		String text = String.valueOf(t);
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

	private static UnreadableFileException reject(String code, Path file, String reason, Throwable cause,
			String chinese) {
		return new UnreadableFileException(code, code + " " + file + ": " + reason, chinese, cause);
	}

}
