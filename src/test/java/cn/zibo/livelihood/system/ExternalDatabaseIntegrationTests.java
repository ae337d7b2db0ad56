package cn.zibo.livelihood.system;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zibo.livelihood.PipelineApplication;
import cn.zibo.livelihood.PipelineIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@PipelineIntegrationTest
class ExternalDatabaseIntegrationTests {

	@Autowired
	EmbeddedPostgresServer runningServer;

	@Test
	void withSpringDatasourceUrlTheApplicationUsesThatServerAndStartsNone() {
		Path unusedDataDirectory = Path.of("target/never-started-pgdata");
		try (ConfigurableApplicationContext external = new SpringApplicationBuilder(PipelineApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + runningServer.jdbcUrl(), "spring.datasource.username=postgres",
					"spring.datasource.password=" + runningServer.password(),
					"etl.embedded.data-directory=" + unusedDataDirectory, "spring.quartz.auto-startup=false",
					"logging.file.name=target/test-logs/external.log")
			.run()) {

			assertThat(external.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
			assertThat(unusedDataDirectory).doesNotExist();
			assertThat(external.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'catalogue'")
				.query(Long.class)
				.single()).isOne();
		}
	}

}
