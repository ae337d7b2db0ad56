package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import cn.zibo.livelihood.schedule.Serving;
import cn.zibo.livelihood.system.ReportingReader;

/**
 * Runs until stopped: the schedules of {@code jobs/}, the inbox watcher, the web server. They start
 * with the application context ({@code spring.quartz.auto-startup=true} switches them on, see
 * {@code schedule.ServeConfiguration}); this says what runs and where reporting tools connect, then
 * waits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Run the scheduler, inbox watcher, operator web page and HTTP API until stopped (the default).")
class ServeCommand implements SpringTask {

	@Override
	public boolean serves() {
		return true;
	}

	@Override
	public int run(ConfigurableApplicationContext context, PrintWriter out) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
		context.getBeanProvider(Serving.class).ifAvailable(serving -> serving.describe().forEach(out::println));
		context.getBeanProvider(ReportingReader.class).ifAvailable(reader -> reader.describe().forEach(out::println));
		out.println("Serving; stop with Ctrl-C or SIGTERM.");
		closed.await();
		return 0;
	}

}
