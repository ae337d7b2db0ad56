package cn.zibo.livelihood.report.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.zibo.livelihood.catalogue.Catalogue;
import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.report.WorkbookFile;
import cn.zibo.livelihood.validate.Period;
import cn.zibo.livelihood.validate.Text;

/** Departments' fill-in templates (填报模板), made from the current catalogue version. */
@Component
public class Templates {

	private final CurrentCatalogue catalogue;

	Templates(CurrentCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/** The department a name, alias or code stands for, written as a clerk or operator would. */
	public Optional<Department> department(String written) {
		Catalogue current = catalogue.get().catalogue();
		return current.department(written).or(() -> current.department(Text.fold(written)));
	}

	/** @throws IllegalArgumentException for a group lead (成员单位), which has no inbox */
	public Template template(Department department, Period period) {
		CurrentCatalogue.Versioned current = catalogue.get();
		return Template.of(current.catalogue(), current.versionId(), department, period);
	}

	/**
	 * Writes the template to {@code file} through a hidden temporary name beside it, so a file written
	 * straight into an inbox folder is never picked up half-written.
	 */
	public Template write(Department department, Period period, Path file) throws IOException {
		Template template = template(department, period);
		WorkbookFile.write(file, out -> TemplateWorkbook.write(template, out));
		return template;
	}

	/** Writes the template workbook to {@code out} (a download). */
	public Template write(Department department, Period period, OutputStream out) throws IOException {
		Template template = template(department, period);
		TemplateWorkbook.write(template, out);
		return template;
	}

}
