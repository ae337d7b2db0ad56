package cn.zibo.livelihood.report.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties.CustomProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Which template a workbook is: department, period and catalogue version, kept in the workbook's
 * custom document properties (文件 → 属性 → 自定义). They are out of the clerk's way, survive saving
 * in Excel and WPS, and, unlike a hidden sheet, are never met by the ingest's search for a header.
 */
public record TemplateMetadata(String departmentCode, String period, int catalogueVersion, String seedSha256) {

	static final String PREFIX = "LivelihoodTemplate.";

	static final String KIND = PREFIX + "Kind";

	static final String KIND_VALUE = "民生重点任务进展填报模板";

	static final String DEPARTMENT = PREFIX + "Department";

	static final String PERIOD = PREFIX + "Period";

	static final String CATALOGUE_VERSION = PREFIX + "CatalogueVersion";

	static final String SEED_SHA256 = PREFIX + "CatalogueSeedSha256";

	static TemplateMetadata of(Template template) {
		return new TemplateMetadata(template.department().code(), template.period().code(), template.catalogueVersion(),
				template.seedSha256());
	}

	void writeTo(XSSFWorkbook workbook) {
		CustomProperties custom = workbook.getProperties().getCustomProperties();
		custom.addProperty(KIND, KIND_VALUE);
		custom.addProperty(DEPARTMENT, departmentCode);
		custom.addProperty(PERIOD, period);
		custom.addProperty(CATALOGUE_VERSION, catalogueVersion);
		custom.addProperty(SEED_SHA256, seedSha256);
	}

	/** The template a workbook was made from; empty for any other workbook. */
	public static Optional<TemplateMetadata> of(XSSFWorkbook workbook) {
		CustomProperties custom = workbook.getProperties().getCustomProperties();
		if (!custom.contains(KIND) || !custom.contains(DEPARTMENT) || !custom.contains(PERIOD)
				|| !custom.contains(CATALOGUE_VERSION)) {
			return Optional.empty();
		}
		CTProperty version = custom.getProperty(CATALOGUE_VERSION);
		return Optional.of(new TemplateMetadata(custom.getProperty(DEPARTMENT).getLpwstr(),
				custom.getProperty(PERIOD).getLpwstr(), version.isSetI4() ? version.getI4() : Integer.parseInt(version.getLpwstr()),
				custom.contains(SEED_SHA256) ? custom.getProperty(SEED_SHA256).getLpwstr() : null));
	}

	/** The template an .xlsx file was made from; empty for any other workbook. */
	public static Optional<TemplateMetadata> read(Path xlsx) throws IOException {
		try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			return of(workbook);
		}
		catch (RuntimeException notAnXlsxWorkbook) {
			return Optional.empty();
		}
	}

}
