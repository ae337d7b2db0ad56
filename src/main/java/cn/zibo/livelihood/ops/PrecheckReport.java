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
		out.printf("Pre-check (预检) %s for %s: %d figure(s), %d valid, %d problem(s) -> %s%n", checked.file().getFileName(),
				checked.department(), result.figures(), checked.valid(), result.problems().size() + result.problemsNotListed(),
				result.problems().isEmpty() ? "would load" : "would be rejected");
		if (!result.reading().isEmpty()) {
			out.println("  How it was read (读取方式):");
			result.reading().forEach(line -> out.println("    " + line));
		}
		for (Problem problem : result.problems().subList(0, Math.min(20, result.problems().size()))) {
			out.println("  " + problem.code() + ": " + problem.message());
		}
		if (result.problems().size() > 20) {
			out.println("  … see the receipt for all of them");
		}
		out.println("  receipt (预检回执): " + checked.receipt());
	}

}
