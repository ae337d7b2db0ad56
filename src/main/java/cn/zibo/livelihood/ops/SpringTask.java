package cn.zibo.livelihood.ops;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A command that needs the application running. Its options are parsed before Spring starts, so a
 * mistyped command costs no database start-up; then it runs against the started context.
 */
interface SpringTask {

	/** Only {@code serve} runs the web server and the scheduler. */
	default boolean serves() {
		return false;
	}

	/**
	 * Settings ({@code --name=value}) this command needs unless the operator gave the same name: known
	 * once its options are parsed, before Spring starts.
	 */
	default List<String> settings() {
		return List.of();
	}

	default WebApplicationType webApplicationType() {
		return serves() ? WebApplicationType.SERVLET : WebApplicationType.NONE;
	}

	/** @return the process exit status: 0 unless the command itself failed */
	int run(ConfigurableApplicationContext context, PrintWriter out) throws Exception;

}
