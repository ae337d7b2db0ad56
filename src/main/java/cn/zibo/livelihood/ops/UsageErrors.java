package cn.zibo.livelihood.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** What was wrong with a command line, in the operator's words; picocli's own text is English. */
final class UsageErrors {

	/** How picocli reports a value its converter refused; the converter's own message is Chinese. */
	private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value for (?:option|positional parameter) '?([^':]+)'?: (.*)",
			Pattern.DOTALL);

	private UsageErrors() {
	}

	static String describe(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched) {
			String words = unmatched.getUnmatched().stream().map(w -> "“" + w + "”").collect(Collectors.joining("、"));
			return (unmatched.getUnmatched().stream().anyMatch(w -> w.startsWith("-")) ? "无法识别的选项：" : "无法识别的命令或参数：")
					+ words;
		}
		if (ex instanceof MissingParameterException missing) {
			return "缺少必需的选项或参数："
					+ missing.getMissing().stream().map(UsageErrors::label).collect(Collectors.joining("、"));
		}
		if (ex instanceof MutuallyExclusiveArgsException) {
			String options = ex.getMessage().replaceFirst("^Error:\\s*", "").replaceFirst("\\s+are mutually exclusive.*$", "");
			return "这些选项只能选用其中一个：" + options.replace(", ", "、");
		}
		Matcher invalid = INVALID_VALUE.matcher(String.valueOf(ex.getMessage()));
		if (invalid.matches()) {
			return "选项" + invalid.group(1) + "的值有误：" + invalid.group(2);
		}
		return "命令行有误：" + ex.getMessage();
	}

	static String missingCommand(String command) {
		return "“" + command + "”之后缺少命令，可用的命令如下。";
	}

	private static String label(ArgSpec arg) {
		if (arg instanceof OptionSpec option) {
			return option.longestName() + "=" + option.paramLabel();
		}
		return arg.paramLabel();
	}

}
