package cn.zibo.livelihood.ingest.read;

/** What a file's bytes actually are, whatever its name says; named in Chinese for the clerk. */
enum FileKind {

	EMPTY("空文件", "empty"),
	TEXT("文本文件（CSV）", "text"),
	XLSX("Excel工作簿（.xlsx）", "OOXML workbook"),
	XLSX_STRICT("严格Open XML格式的Excel工作簿（Strict OOXML）", "Strict OOXML workbook"),
	XLSB("Excel二进制工作簿（.xlsb）", "binary workbook (xlsb)"),
	XLS("Excel 97-2003工作簿（.xls）", "BIFF8 workbook"),
	OLD_EXCEL("Excel 5.0/95或更早版本的旧格式工作簿", "pre-97 Excel workbook (BIFF2-5)"),
	ENCRYPTED("加密的Office文件", "encrypted Office package"),
	ODS("OpenDocument表格（.ods，WPS/LibreOffice等保存）", "OpenDocument spreadsheet"),
	HTML("网页（HTML）", "HTML page"),
	XML_SPREADSHEET("XML表格（Excel 2003 XML）", "XML Spreadsheet 2003"),
	XML("XML文档", "XML document"),
	PDF("PDF文档", "PDF"),
	RTF("RTF文档", "RTF"),
	WORD("Word文档", "Word document"),
	POWERPOINT("PowerPoint演示文稿", "PowerPoint presentation"),
	OTHER_OFFICE("其他Office文档", "other OLE2/ODF document"),
	IMAGE("图片", "image"),
	ZIP("zip压缩包", "zip archive"),
	GZIP("gzip压缩文件", "gzip archive"),
	BINARY("无法识别的二进制文件", "unrecognised binary"),
	CORRUPT_ZIP("已损坏的压缩格式文件（.xlsx）", "damaged zip"),
	CORRUPT_OLE2("已损坏的Office文件（.xls）", "damaged OLE2 container");

	private final String chinese;

	private final String english;

	FileKind(String chinese, String english) {
		this.chinese = chinese;
		this.english = english;
	}

	String chinese() {
		return chinese;
	}

	String english() {
		return english;
	}

}
