package cn.zibo.livelihood.report.export;

import java.util.Arrays;
import java.util.Optional;

/** The file formats of an export. */
public enum ExportFormat {

	CSV("csv", "text/csv;charset=UTF-8"),

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final String extension;

	private final String contentType;

	ExportFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	public String extension() {
		return extension;
	}

	public String contentType() {
		return contentType;
	}

	/** {@code csv} or {@code xlsx}, in any case. */
	public static Optional<ExportFormat> of(String extension) {
		return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(String.valueOf(extension))).findFirst();
	}

}
