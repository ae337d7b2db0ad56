package cn.zibo.livelihood.ingest.layout;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example workbooks of {@code src/test/resources/examples/}, one per layout, as the README's
 * walkthrough drops them into the inbox: the forms of {@link Forms} for 2024 (2023 for the quarters,
 * so that they do not replace 市住房城乡建设局's 2024Q3 example). {@link ExampleFormsTests} checks the
 * saved files are these and, run as a program ({@link #main}), writes them again.
 */
final class ExampleForms {

	static final Path FOLDER = Path.of("src/test/resources/examples");

	private ExampleForms() {
	}

	/** File name (department_period) → bytes, and the layout the receipt names. */
	/** Writes every example workbook into {@link #FOLDER} again, after a form was changed. */
	public static void main(String[] args) throws java.io.IOException {
		for (Map.Entry<String, byte[]> form : all().entrySet()) {
			java.nio.file.Files.write(FOLDER.resolve(form.getKey()), form.getValue());
		}
	}

	static Map<String, byte[]> all() {
		Map<String, byte[]> forms = new LinkedHashMap<>();
		forms.put("市应急局_2024年第三季度.xlsx", Forms.districtWide(2024, null));
		forms.put("市医保局_2024年第三季度.xlsx", Forms.parentHeading(2024, null));
		forms.put("市城市管理局_2024年1-9月.xlsx", Forms.periodWide(2024, null));
		forms.put("市住房城乡建设局_2023年各季度.xlsx", Forms.quarterDistricts(2023, null));
		forms.put("市文化和旅游局_2024年第三季度.xlsx", Forms.sheetsPerDistrict(2024, null));
		forms.put("市人力资源社会保障局_2024年7-8月.xlsx", Forms.datesAndUnitLine(2024, null));
		return forms;
	}

	static Map<String, String> layouts() {
		Map<String, String> layouts = new LinkedHashMap<>();
		layouts.put("市应急局_2024年第三季度.xlsx", "版式：各区县一列");
		layouts.put("市医保局_2024年第三季度.xlsx", "版式：按行");
		layouts.put("市城市管理局_2024年1-9月.xlsx", "版式：各期一列");
		layouts.put("市住房城乡建设局_2023年各季度.xlsx", "版式：各期一列（每期下各区县一列）");
		layouts.put("市文化和旅游局_2024年第三季度.xlsx", "版式：分表（4个工作表合为一份报送，各表按行）");
		layouts.put("市人力资源社会保障局_2024年7-8月.xlsx", "版式：按行");
		return layouts;
	}

}
