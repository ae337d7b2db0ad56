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
		description = "像接收时一样预检一个文件，在其旁边写出预检回执；不入库。")
class CheckCommand implements SpringTask {

	@Parameters(paramLabel = "FILE", description = "要预检的 CSV、XLSX 或 XLS 文件")
	Path file;

	@Option(names = "--department", required = true, paramLabel = "D", description = "部门：名称、别名或代码")
	String department;

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) {
		if (!Files.isRegularFile(file)) {
			out.println("找不到文件：" + file);
			return 1;
		}
		Department found = context.getBean(CurrentCatalogue.class).get().catalogue().department(department).orElse(null);
		if (found == null || found.group()) {
			out.println("无法识别部门“" + department + "”。部门名称、别名和代码见：catalogue show");
			return 1;
		}
		Prechecks.Checked checked = context.getBean(Prechecks.class).check(file, found, file.toAbsolutePath().getParent());
		PrecheckReport.print(checked, out);
		return 0;
	}

}
