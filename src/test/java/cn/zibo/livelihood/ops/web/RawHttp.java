package cn.zibo.livelihood.ops.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand over a socket, for what Java's HTTP client will not send: a {@code Host}
 * header of the test's choosing.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** What came back: the status, the header lines as sent, the body as text. */
	record Response(int status, List<String> headers, String body) {

		Optional<String> header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return headers.stream()
				.filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map(h -> h.substring(prefix.length()).strip())
				.findFirst();
		}

		/** The session cookie's value, if one was set. */
		Optional<String> sessionCookie() {
			return header("Set-Cookie").filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')));
		}

	}

	Response get(String path, String host, String cookie) throws IOException {
		return send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
				+ "Connection: close\r\n\r\n");
	}

	Response post(String path, String host, String cookie, String form) throws IOException {
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		return send("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n" + form);
	}

	private Response send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			List<String> lines = new ArrayList<>(List.of(text.substring(0, end).split("\r\n")));
			int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
			String body = text.substring(end + 4);
			boolean chunked = lines.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).matches("transfer-encoding:\\s*chunked"));
			return new Response(status, lines, chunked ? dechunk(body) : body);
		}
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		int at = 0;
		while (true) {
			int lineEnd = indexOf(bytes, at);
			int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
			if (size == 0) {
				return out.toString();
			}
			out.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
			at = lineEnd + 2 + size + 2;
		}
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalStateException("a chunk without its size line");
	}

}
