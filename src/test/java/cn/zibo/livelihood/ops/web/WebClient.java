package cn.zibo.livelihood.ops.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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

	/** GET with HTTP Basic, the body as bytes (a file: an export, a receipt). */
	HttpResponse<byte[]> bytes(String path, String user, String password) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return http.send(request(path).header("Authorization", "Basic " + basic).build(),
				HttpResponse.BodyHandlers.ofByteArray());
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

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return http.send(web.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
