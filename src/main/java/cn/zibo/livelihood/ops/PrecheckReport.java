package cn.zibo.livelihood.ops;

import java.io.PrintWriter;

import cn.zibo.livelihood.report.receipt.Prechecks;
import cn.zibo.livelihood.validate.Problem;

/**
 * Prints a pre-check's outcome for the operator: the counts, how the file was read (the receipt's
 * 读取方式, word for word) and the first problems; the clerk's version is the receipt.
 */
final class PrecheckReport {

	private PrecheckReport() {
	}

	static void print(Prechecks.Checked checked, PrintWriter out) {
		var result = checked.result();
		int problems = result.problems().size() + result.problemsNotListed();
		out.printf("预检 %s（%s）：数值%d个，有效%d个，问题%d个，%s%n", checked.file().getFileName(), checked.department(),
				result.figures(), checked.valid(), problems, result.problems().isEmpty() ? "报送后将入库" : "报送后将被退回");
		if (!result.reading().isEmpty()) {
			out.println("  读取方式：");
			result.reading().forEach(line -> out.println("    " + line));
		}
		for (Problem problem : result.problems().subList(0, Math.min(20, result.problems().size()))) {
			out.println("  " + problem.message());
		}
		if (result.problems().size() > 20) {
			out.println("  ……全部问题见预检回执");
		}
		out.println("  预检回执：" + checked.receipt());
	}

}
