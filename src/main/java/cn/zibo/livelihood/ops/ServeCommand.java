package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

import cn.zibo.livelihood.schedule.Serving;
import cn.zibo.livelihood.system.ReportingReader;

/**
 * Runs until stopped: the schedules of {@code jobs/}, the inbox watcher, the web server. They start
 * with the application context ({@code spring.quartz.auto-startup=true} switches them on, see
 * {@code schedule.ServeConfiguration}); this says what runs and where reporting tools connect, then
 * waits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, footerHeading = "%n常用设置（--名称=值，全部设置见 docs/operating.md）：%n",
		footer = { "  --server.address=127.0.0.1   监听地址；非本机地址须配置 etl.users",
				"  --server.port=8080           网页和 API 的端口", "  --etl.inbox=inbox            收件箱（各部门文件夹所在）",
				"  --etl.users[0].name=…        可登录的用户（.password、.role=operator|department、.department）",
				"  --etl.watch.enabled=true     文件放入收件箱即接收", "  --spring.datasource.url=…    外部 PostgreSQL；不设则用嵌入式数据库%n" },
		description = "持续运行：作业计划、收件箱监视、运维网页和 HTTP API（不写命令时即为此项）。")
class ServeCommand implements SpringTask {

	@Override
	public boolean serves() {
		return true;
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
		Environment environment = context.getEnvironment();
		out.println("民生113项数据管道已启动：");
		out.println("  网页：http://" + environment.getProperty("server.address", "127.0.0.1") + ":"
				+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")) + "/");
		out.println("  数据库：" + database(environment));
		context.getBeanProvider(Serving.class).ifAvailable(serving -> serving.describe().forEach(out::println));
		context.getBeanProvider(ReportingReader.class).ifAvailable(reader -> reader.describe().forEach(out::println));
		out.println("  日志：" + Path.of(environment.getProperty("logging.file.name", "var/log/pipeline.log")).toAbsolutePath());
		out.println("正在运行（Serving），按 Ctrl-C 或发送 SIGTERM 停止。");
		closed.await();
		return 0;
	}

	private static String database(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return "外部 PostgreSQL " + url;
		}
		return "嵌入式 PostgreSQL，数据在 "
				+ Path.of(environment.getProperty("etl.embedded.data-directory", "var/pgdata")).toAbsolutePath();
	}

}
