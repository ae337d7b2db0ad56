package cn.zibo.livelihood.ops.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a run failed, said in Chinese with what to do, read from its failure message (a Java
 * exception's text, which the page keeps behind 详细信息). The causes an operator can fix are told
 * apart: a bad mapping file, the database, the folders; anything else points to the log.
 */
final class RunFailures {

	/** A failure for the page: its cause and the operator's next step. */
	record Cause(String cause, String action) {
	}

	private static final Pattern MAPPING_FILE = Pattern.compile("(?m)^\\s*([^\\s:/\\\\]+\\.ya?ml):");

	private RunFailures() {
	}

	/** The cause of a run that did not complete; null for one that did or still runs. */
	static Cause of(Runs.Run run) {
		if (run == null || !("FAILED".equals(run.status()) || "STOPPED".equals(run.status())
				|| "ABANDONED".equals(run.status()) || "UNKNOWN".equals(run.status()))) {
			return null;
		}
		if ("STOPPED".equals(run.status())) {
			return new Cause("运行被中途停止（例如服务关闭或重启）。", "点击“重新运行”，从停下的步骤继续，已完成的部分不会重做。");
		}
		if ("ABANDONED".equals(run.status())) {
			return new Cause("运行已被放弃，不会再继续。", "如需处理其中的文件，请立即运行一次数据接收。");
		}
		String message = run.failureMessage() == null ? "" : run.failureMessage();
		if (message.contains("Bad mapping file") || message.contains("Mappings$MappingFile")) {
			Set<String> files = new LinkedHashSet<>();
			Matcher m = MAPPING_FILE.matcher(message);
			while (m.find()) {
				files.add(m.group(1));
			}
			String named = files.isEmpty() ? "" : "：" + String.join("、", files);
			return new Cause("表头映射文件有误" + named + "。映射有误时系统不接收任何文件，已收取的文件在等待处理。",
					"请改正或删除 mappings 目录中的该文件（详细信息列出每处错误），然后点击“重新运行”。");
		}
		if (message.contains("PSQLException") || message.contains("Connection") || message.contains("database")
				|| message.contains("JDBC")) {
			return new Cause("运行中数据库连接中断。", "请确认数据库已恢复运行（本页能正常显示即已恢复），然后点击“重新运行”。");
		}
		if (message.contains("NoSuchFile") || message.contains("AccessDenied") || message.contains("FileSystem")
				|| message.contains("IOException")) {
			return new Cause("收件箱、存档或回执目录无法读写。", "请检查目录是否存在、磁盘是否已满、服务账号是否有读写权限，排除后点击“重新运行”。");
		}
		if (message.contains("recover") || message.contains("process that ended")) {
			return new Cause("运行它的进程已经退出（例如服务被强行关闭），运行未能结束。", "点击“重新运行”，从中断的步骤继续。");
		}
		return new Cause("运行中发生了系统未预料的错误。", "请展开“详细信息”查看技术原因，并查看日志文件 var/log/pipeline.log；排除后点击“重新运行”。");
	}

}
