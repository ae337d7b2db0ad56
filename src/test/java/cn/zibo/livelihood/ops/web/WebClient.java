package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Plain HTTP against the running server, as another tool would call it: with or without HTTP Basic. */
final class WebClient {

	static final String OPERATOR = "ops-admin";

	static final String OPERATOR_PASSWORD = "operator-secret-1";

	static final String EDU = "edu-clerk";

	static final String EDU_PASSWORD = "edu-secret-1";

	static final String CIVIL = "civil-clerk";

	static final String CIVIL_PASSWORD = "civil-secret-1";

	/** A user whose password a test pretends to guess, until the throttle refuses it. */
	static final String GUESSED = "guessed-clerk";

	static final String GUESSED_PASSWORD = "guessed-secret-1";

	private static final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	WebClient(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(request(path).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** One part of a multipart/form-data request: a field, or a file when {@code fileName} is given. */
	record Part(String name, String fileName, byte[] content) {

		static Part file(String fileName, byte[] content) {
			return new Part("file", fileName, content);
		}

		static Part file(String fileName, String text) {
			return file(fileName, text.getBytes(StandardCharsets.UTF_8));
		}

		static Part field(String name, String value) {
			return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** POST multipart/form-data with HTTP Basic, as a department's own system would send files. */
	HttpResponse<String> post(String path, String user, String password, Part... parts) throws IOException, InterruptedException {
		return post(path, user, password, List.of(), parts);
	}

	/** ... with these headers too (name, value, …). */
	HttpResponse<String> post(String path, String user, String password, List<String> headers, Part... parts)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = multipart(request(path), parts).header("Authorization", "Basic " + basic);
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static HttpRequest.Builder multipart(HttpRequest.Builder request, Part... parts) {
		String boundary = "----upload" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
					+ (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"\r\nContent-Type: application/octet-stream")
					+ "\r\n\r\n";
			body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	/** GET as bytes (a workbook, an original file). */
	HttpResponse<byte[]> bytes(String path, String user, String password) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(request(path).header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A browser-like session: cookies kept, logged in through the form with its CSRF token. */
	final class Session {

		private final HttpClient http;

		private final WebClient web = WebClient.this;

		Session() {
			this.http = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.cookieHandler(new java.net.CookieManager())
				.build();
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(web.request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** GET as a browser asks for a page: HTML first (an error then answers as a page, not as JSON). */
		HttpResponse<String> page(String path) throws IOException, InterruptedException {
			return http.send(web.request(path).header("Accept", "text/html,application/xhtml+xml").build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return http.send(web.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** GET as bytes with the session's cookie (a workbook). */
		HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
			return http.send(web.request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
		}

		/** POST multipart/form-data with the session's cookie, and these headers (name, value, …). */
		HttpResponse<String> postMultipart(String path, List<Part> parts, String... headers)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = multipart(web.request(path), parts.toArray(Part[]::new));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		/** Posts the login form, whatever the outcome. */
		HttpResponse<String> tryLogin(String user, String password) throws IOException, InterruptedException {
			String token = csrf("/login");
			return post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token));
		}

		/** The CSRF token of the forms on a page. */
		String csrf(String page) throws IOException, InterruptedException {
			var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
			if (!matcher.find()) {
				throw new AssertionError("no CSRF token on " + page);
			}
			return matcher.group(1);
		}

	}

	Session login(String user, String password) throws IOException, InterruptedException {
		Session session = new Session();
		HttpResponse<String> response = session.tryLogin(user, password);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new AssertionError("login as " + user + " failed: " + response.statusCode() + " " + location);
		}
		return session;
	}

	static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	HttpResponse<String> asOperator(String path) throws IOException, InterruptedException {
		return get(path, OPERATOR, OPERATOR_PASSWORD);
	}

	/** GET as the operator, expecting 200 and JSON. */
	JsonNode json(String path) throws IOException, InterruptedException {
		return json(path, OPERATOR, OPERATOR_PASSWORD);
	}

	JsonNode json(String path, String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path, user, password);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " as " + user + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(url(path)));
	}

}
