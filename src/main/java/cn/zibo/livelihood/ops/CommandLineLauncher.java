package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Entry point of the executable jar. Parses the command first (usage errors exit 2 without starting
 * anything), then starts Spring with just what the command needs, runs it and returns its exit
 * status. Arguments of the form {@code --some.property=value} are Spring Boot settings and go to
 * Spring, not to the command.
 */
public final class CommandLineLauncher {

	public static final int USAGE = 2;

	private static final String QUARTZ = "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration";

	private static final Logger log = LoggerFactory.getLogger(CommandLineLauncher.class);

	private CommandLineLauncher() {
	}

	public static int run(Class<?> application, String... args) {
		PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		return run(application, out, err, args);
	}

	public static int run(Class<?> application, PrintWriter out, PrintWriter err, String... args) {
		List<String> settings = new ArrayList<>();
		List<String> words = new ArrayList<>();
		for (String arg : args) {
			(isSetting(arg) ? settings : words).add(arg);
		}
		CommandLine cli = new CommandLine(new PipelineCommand());
		// wide enough that no description is broken inside a word or a setting's name
		cli.setUsageHelpWidth(120);
		cli.setResourceBundle(ResourceBundle.getBundle("cn.zibo.livelihood.ops.CommandLineWords"));
		cli.setOut(out);
		cli.setErr(err);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(words.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			log.debug("Usage error", ex);
			err.println(UsageErrors.describe(ex));
			ex.getCommandLine().usage(err);
			return USAGE;
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return 0;
		}
		List<CommandLine> chosen = parsed.asCommandLineList();
		CommandLine leaf = chosen.get(chosen.size() - 1);
		if (!(leaf.getCommand() instanceof SpringTask task)) {
			err.println(UsageErrors.missingCommand(leaf.getCommandName()));
			leaf.usage(err);
			return USAGE;
		}
		for (String own : task.settings()) {
			String name = own.substring(0, own.indexOf('=') + 1);
			if (settings.stream().noneMatch(given -> given.startsWith(name))) {
				settings.add(own);
			}
		}
		return start(application, task, settings, out, err);
	}

	private static int start(Class<?> application, SpringTask task, List<String> settings, PrintWriter out,
			PrintWriter err) {
		AtomicReference<Environment> environment = new AtomicReference<>();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).web(task.webApplicationType())
			.properties("spring.quartz.auto-startup=" + task.serves())
			.listeners((ApplicationListener<ApplicationEvent>) event -> {
				if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
					environment.set(prepared.getEnvironment());
				}
			});
		// A command prints its own result, serve a short block saying what runs where; the full log goes
		// to the log file, and only warnings and errors reach the console.
		builder.properties("logging.threshold.console=WARN");
		if (!task.serves()) {
			// A one-shot command starts only the beans it asks for, and no scheduler: most of its time is
			// start-up. The migrations still run first (every bean reading the database waits for Flyway).
			builder.properties("spring.main.lazy-initialization=true", "spring.autoconfigure.exclude=" + QUARTZ);
		}
		try (ConfigurableApplicationContext context = builder.run(settings.toArray(String[]::new))) {
			return task.run(context, out);
		}
		catch (Exception ex) {
			// the log file only (logback-spring.xml): the console gets the one line below
			log.error("Command failed", ex);
			err.println(UnreachableDatabase.describe(ex, environment.get()).orElseGet(() -> "命令失败：" + rootMessage(ex) + "（详细信息见日志文件）"));
			return 1;
		}
	}

	private static boolean isSetting(String arg) {
		int equals = arg.indexOf('=');
		return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause == ex ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (cause: " + cause.getMessage() + ")";
	}

}
