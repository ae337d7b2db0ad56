package cn.zibo.livelihood.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drop-to-receipt latency under {@code serve}, with its shipped settings (the watcher's interval and
 * the settle time a file must stay unchanged): a 100-row file is written beside the inbox and moved
 * into the department's folder in one rename, the moment it appears; the clock stops when its
 * receipt workbook appears beside it. Files go one after another, each after the previous receipt.
 */
final class ServeLatency {

	private static final int ROWS = 100;

	private static final Duration READY = Duration.ofMinutes(3);

	private static final Duration RECEIPT = Duration.ofMinutes(2);

	private final Child child;

	private final Path work;

	private final BenchRows rows;

	ServeLatency(Child child, Path work, BenchRows rows) {
		this.child = child;
		this.work = work;
		this.rows = rows;
	}

	/** @return seconds from each file's appearance to its receipt */
	List<Double> measure(int files) throws Exception {
		int port = freePort();
		Process serve = child.start("serve", List.of(), List.of("serve"),
				List.of("--server.port=" + port));
		try {
			awaitReady(serve, port);
			Path folder = Files.createDirectories(work.resolve("inbox").resolve(rows.folder()));
			Path staging = Files.createDirectories(work.resolve("drop"));
			List<Double> latencies = new ArrayList<>();
			for (int f = 0; f < files; f++) {
				String name = "卫生健康_延迟_" + (f + 1) + ".csv";
				Path written = staging.resolve(name);
				try (var out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
					out.write(String.join(",", BenchRows.HEADERS) + "\r\n");
					for (int i = 0; i < ROWS; i++) {
						out.write(String.join(",", rows.row((long) f * ROWS + i).cells()) + "\r\n");
					}
				}
				long appeared = System.nanoTime();
				Files.move(written, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
				awaitReceipt(serve, folder, name);
				latencies.add((System.nanoTime() - appeared) / 1e9);
			}
			return latencies;
		}
		finally {
			serve.destroy();
			if (!serve.waitFor(60, TimeUnit.SECONDS)) {
				serve.destroyForcibly().waitFor();
			}
		}
	}

	private static void awaitReady(Process serve, int port) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + READY.toNanos();
		while (System.nanoTime() < deadline) {
			if (!serve.isAlive()) {
				throw new IllegalStateException("serve ended with status " + serve.exitValue() + " before it was ready");
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("serve was not ready within " + READY);
	}

	private static void awaitReceipt(Process serve, Path folder, String name) throws Exception {
		long deadline = System.nanoTime() + RECEIPT.toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.list(folder)) {
				if (files.map(p -> p.getFileName().toString())
					.anyMatch(n -> n.startsWith(name + ".回执(") && n.endsWith(".xlsx"))) {
					return;
				}
			}
			if (!serve.isAlive()) {
				throw new IllegalStateException("serve ended with status " + serve.exitValue());
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("no receipt for " + name + " within " + RECEIPT);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
