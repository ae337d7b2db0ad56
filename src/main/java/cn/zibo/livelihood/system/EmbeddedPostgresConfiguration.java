package cn.zibo.livelihood.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the pipeline brings its own PostgreSQL, so that a fresh
 * machine needs no set-up. With it, this configuration steps aside and Spring Boot's own data source
 * is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseMissing.class)
class EmbeddedPostgresConfiguration {

	@Bean
	EmbeddedPostgresServer embeddedPostgresServer(PipelineProperties properties) {
		return EmbeddedPostgresServer.forDirectory(properties.embedded());
	}

	@Bean
	DataSource dataSource(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(server.user());
		config.setPassword(server.password());
		config.setPoolName("embedded-postgres");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

}
