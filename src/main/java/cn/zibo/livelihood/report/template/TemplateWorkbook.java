package cn.zibo.livelihood.report.template;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ooxml.POIXMLProperties.CoreProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A department's fill-in template as an .xlsx workbook: the data sheet 「填报」 first (the one a clerk
 * lands on), the instructions 「填报说明」, and the template's identity in the document properties.
 */
final class TemplateWorkbook {

	private TemplateWorkbook() {
	}

	public static void write(Template template, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			TemplateStyles styles = new TemplateStyles(workbook);
			TemplateSheet.write(workbook, template, styles);
			TemplateInstructions.write(workbook, template, styles);
			workbook.setActiveSheet(0);
			TemplateMetadata.of(template).writeTo(workbook);
			CoreProperties core = workbook.getProperties().getCoreProperties();
			core.setTitle(template.title());
			core.setCreator("民生113项重点任务报送系统");
			workbook.write(out);
		}
	}

}
