package cn.zibo.livelihood;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application against a real PostgreSQL: the same embedded server the application starts,
 * one per test JVM, in a clean data directory under target/, with fsync off ({@code etl.embedded.durable=false}:
 * the data is thrown away after the run). Every integration test uses exactly this
 * configuration so that Spring's test context cache shares one context among them. The file size
 * limit is small so that a test can exceed it cheaply. The embedded server takes any free port, and
 * has a reporting reader.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "etl.embedded.data-directory=target/test-pgdata", "etl.embedded.clean=true", "etl.embedded.durable=false",
				"etl.embedded.port=0",
				"spring.quartz.auto-startup=false", "logging.file.name=target/test-logs/pipeline.log",
				"etl.inbox=target/test-inbox", "etl.mappings=target/test-mappings", "etl.ingest.archive=target/test-archive",
				"etl.ingest.settle=0s", "etl.ingest.max-file-size=10MB", "etl.ingest.scratch=target/test-scratch",
				"etl.reporting.reader.password=" + PipelineIntegrationTest.READER_PASSWORD })
@SpringBatchTest
public @interface PipelineIntegrationTest {

	/** The reporting reader's ({@code reporting_reader}) password in every test context. */
	String READER_PASSWORD = "reader-secret-1";

}
