package cn.zibo.livelihood.ops.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import cn.zibo.livelihood.PipelineIntegrationTest;

/**
 * The application as {@code serve} runs it: a real web server on a random loopback port, against the
 * same embedded PostgreSQL and test folders as {@code PipelineIntegrationTest}, with four users (one
 * of them only for the test that locks it out by failed logins). The file size limit is small so
 * that an upload can exceed it cheaply. All
 * web tests use exactly this configuration, so that they share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "etl.embedded.data-directory=target/test-pgdata", "etl.embedded.clean=true", "etl.embedded.durable=false",
				"etl.embedded.port=0",
				"spring.quartz.auto-startup=false", "logging.file.name=target/test-logs/pipeline.log",
				"etl.inbox=target/test-inbox", "etl.mappings=target/test-mappings", "etl.ingest.archive=target/test-archive",
				"etl.ingest.settle=0s", "etl.ingest.max-file-size=2MB", "etl.ingest.scratch=target/test-scratch",
				"etl.reporting.reader.password=" + PipelineIntegrationTest.READER_PASSWORD,
				"etl.users[0].name=" + WebClient.OPERATOR, "etl.users[0].password=" + WebClient.OPERATOR_PASSWORD,
				"etl.users[0].role=operator",
				"etl.users[1].name=" + WebClient.EDU, "etl.users[1].password={noop}" + WebClient.EDU_PASSWORD,
				"etl.users[1].role=department", "etl.users[1].department=edu",
				"etl.users[2].name=" + WebClient.CIVIL, "etl.users[2].password=" + WebClient.CIVIL_PASSWORD,
				"etl.users[2].role=department", "etl.users[2].department=civil",
				"etl.users[3].name=" + WebClient.GUESSED, "etl.users[3].password=" + WebClient.GUESSED_PASSWORD,
				"etl.users[3].role=department", "etl.users[3].department=edu" })
public @interface ServeIntegrationTest {

}
