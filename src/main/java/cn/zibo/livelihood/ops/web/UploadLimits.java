package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zibo.livelihood.system.PipelineProperties;

/**
 * Uploads are limited as the intake limits files: a file over {@code etl.ingest.max-file-size} is
 * refused while it is received, before it is kept anywhere (400, {@link UploadAnswers}). Parts larger
 * than a megabyte are spooled to the scratch folder ({@code etl.ingest.scratch}), outside the inbox,
 * instead of the web server's own temporary folder.
 */
@ServeOnly
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	/** Files one request may carry; each is up to the size limit. */
	static final int MAX_FILES = 20;

	@Bean
	MultipartConfigElement multipartConfigElement(PipelineProperties properties) {
		long max = properties.ingest().maxFileSize().toBytes();
		Path spool = properties.ingest().scratch().toAbsolutePath().resolve("uploads");
		try {
			Files.createDirectories(spool);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the folder for uploads being received: " + spool, ex);
		}
		return new MultipartConfigElement(spool.toString(), max, max * MAX_FILES + 1024 * 1024, 1024 * 1024);
	}

}
