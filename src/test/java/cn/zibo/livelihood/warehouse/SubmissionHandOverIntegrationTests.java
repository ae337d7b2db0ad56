package cn.zibo.livelihood.warehouse;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zibo.livelihood.PipelineIntegrationTest;
import cn.zibo.livelihood.system.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How instances of the pipeline sharing a database hand work over: each takes a submission, a
 * receipt or the intake lock in its own transaction, as the ingest job's steps do, while another
 * instance's transaction holds one. On a database of the test's own, so that no other test's
 * submissions are waiting.
 */
@PipelineIntegrationTest
class SubmissionHandOverIntegrationTests {

	@Autowired
	EmbeddedPostgresServer server;

	@Autowired
	JdbcClient postgres;

	private JdbcClient jdbc;

	private Submissions submissions;

	private TransactionTemplate transaction;

	@BeforeEach
	void ownDatabase() {
		postgres.sql("DROP DATABASE IF EXISTS hand_over WITH (FORCE)").update();
		postgres.sql("CREATE DATABASE hand_over").update();
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				server.jdbcUrl().replaceFirst("/postgres$", "/hand_over"), server.user(), server.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		submissions = new Submissions(jdbc);
		transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Test
	void anotherInstanceSkipsTheSubmissionInHandAndLaterFilesOfTheSameDepartment() throws Exception {
		long edu1 = claim("edu", "a.csv");
		long edu2 = claim("edu", "b.csv");
		long health1 = claim("health", "c.csv");

		try (Held first = hold(() -> submissions.nextPending().map(Submissions.Pending::id))) {
			Optional<Long> second = transaction.execute(status -> submissions.nextPending().map(Submissions.Pending::id));

			assertThat(first.taken()).contains(edu1);
			assertThat(second).as("not edu's later file, which must replace edu's earlier values, not the reverse")
				.contains(health1);
		}
		jdbc.sql("UPDATE warehouse.submission SET status = 'rejected' WHERE submission_id IN (?, ?)").params(edu1, health1).update();
		Optional<Long> afterwards = transaction.execute(status -> submissions.nextPending().map(Submissions.Pending::id));
		assertThat(afterwards).contains(edu2);
	}

	@Test
	void anotherInstanceWritesADifferentReceipt() throws Exception {
		long one = claim("edu", "a.csv");
		long two = claim("edu", "b.csv");
		jdbc.sql("UPDATE warehouse.submission SET status = 'rejected'").update();

		try (Held first = hold(submissions::nextAwaitingReceipt)) {
			Optional<Long> second = transaction.execute(status -> submissions.nextAwaitingReceipt());

			assertThat(first.taken()).contains(one);
			assertThat(second).contains(two);
		}
	}

	@Test
	void aSecondInstanceWaitsForTheIntakeLock() throws Exception {
		CompletableFuture<Long> second;
		long released;
		try (Held first = hold(() -> {
			submissions.lockIntake();
			return Optional.empty();
		})) {
			second = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
				submissions.lockIntake();
				return System.nanoTime();
			}));
			Thread.sleep(500);
			assertThat(second).as("waits while the first holds the lock").isNotDone();
			released = System.nanoTime();
		}
		assertThat(second.get(10, TimeUnit.SECONDS)).isGreaterThan(released);
	}

	private long claim(String department, String fileName) {
		return submissions.claim(department, department, fileName, "0".repeat(63) + fileName.charAt(0), 1, Path.of("x"), null)
			.orElseThrow();
	}

	/** Runs {@code take} in a transaction on another thread, and keeps that transaction open until closed. */
	private Held hold(Supplier<Optional<Long>> take) throws InterruptedException {
		CountDownLatch taken = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Optional<Long>> result = new AtomicReference<>();
		CompletableFuture<Void> running = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			result.set(take.get());
			taken.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
		return new Held(result.get(), release, running);
	}

	/** What the first instance took, its transaction still open. */
	private record Held(Optional<Long> taken, CountDownLatch release, CompletableFuture<Void> running) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			release.countDown();
			running.get(10, TimeUnit.SECONDS);
		}

	}

}
