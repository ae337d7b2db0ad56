package cn.zibo.livelihood;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.zibo.livelihood.ops.CommandLineLauncher;

/**
 * The reporting pipeline for the city's 113 key livelihood tasks. The command line decides which
 * parts of the application start (see {@link CommandLineLauncher}), so {@code main} hands over to it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PipelineApplication {

	public static void main(String[] args) {
		System.exit(CommandLineLauncher.run(PipelineApplication.class, args));
	}

}
