package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

import cn.zibo.livelihood.catalogue.CurrentCatalogue;
import cn.zibo.livelihood.catalogue.Department;
import cn.zibo.livelihood.report.receipt.Prechecks;

/** Pre-checks one file for a department without loading it. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Check a file as ingest would (预检) and write a pre-check receipt beside it; nothing is loaded.")
class CheckCommand implements SpringTask {

	@Parameters(paramLabel = "FILE", description = "the CSV, XLSX or XLS file to check")
	Path file;

	@Option(names = "--department", required = true, paramLabel = "D", description = "department name, alias or code")
	String department;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		if (!Files.isRegularFile(file)) {
			out.println("No such file: " + file);
			return 1;
		}
		Department found = context.getBean(CurrentCatalogue.class).get().catalogue().department(department).orElse(null);
		if (found == null || found.group()) {
			out.println("Unknown department (部门) '" + department + "'; see: catalogue show");
			return 1;
		}
		Prechecks.Checked checked = context.getBean(Prechecks.class).check(file, found, file.toAbsolutePath().getParent());
		PrecheckReport.print(checked, out);
		return 0;
	}

}
