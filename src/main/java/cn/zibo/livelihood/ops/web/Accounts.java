package cn.zibo.livelihood.ops.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Turns {@code etl.users} into logins with hashed passwords, and refuses what would be unsafe: no
 * users on an address other than loopback, a user without a password, a department user without a
 * department. With no users on loopback (a developer's machine), one operator {@code operator} is
 * made with a random password that the caller logs; no password is ever built in.
 */
final class Accounts {

	static final String OPERATOR = "OPERATOR";

	static final String DEPARTMENT = "DEPARTMENT";

	/** Authority carrying a department user's department code. */
	static final String DEPARTMENT_PREFIX = "DEPT_";

	static final String DEVELOPMENT_USER = "operator";

	private static final Pattern ENCODED = Pattern.compile("^\\{[a-z0-9_-]+}.+", Pattern.CASE_INSENSITIVE);

	private Accounts() {
	}

	/** The logins, or an explanation of what to configure. */
	record Built(List<UserDetails> users, String developmentPassword) {
	}

	static Built build(List<WebSettings.User> configured, String serverAddress, PasswordEncoder encoder) {
		if (configured.isEmpty()) {
			if (!isLoopback(serverAddress)) {
				throw new IllegalStateException("serve listens on " + describe(serverAddress)
						+ ", not only on this machine, but no users are configured. Configure at least one operator, e.g. "
						+ "--etl.users[0].name=admin --etl.users[0].password=… --etl.users[0].role=operator "
						+ "(or keep server.address=127.0.0.1)");
			}
			String password = randomPassword();
			return new Built(List.of(user(new WebSettings.User(DEVELOPMENT_USER, password, "operator", null), encoder)),
					password);
		}
		List<String> problems = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < configured.size(); i++) {
			WebSettings.User u = configured.get(i);
			String at = "etl.users[" + i + "]";
			if (u.name() == null || u.name().isBlank()) {
				problems.add(at + ".name is missing");
			}
			else if (!names.add(u.name())) {
				problems.add(at + ".name '" + u.name() + "' is configured twice");
			}
			if (u.password() == null || u.password().isBlank() || u.password().matches("(?i)\\{noop}\\s*")) {
				problems.add(at + ".password is missing (there is no default password)");
			}
			String role = role(u);
			if (role == null) {
				problems.add(at + ".role '" + u.role() + "' is not operator or department");
			}
			else if (role.equals(DEPARTMENT) && (u.department() == null || u.department().isBlank())) {
				problems.add(at + ".department is missing: a department user sees its own department's submissions only");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Users (etl.users) are not usable: " + String.join("; ", problems));
		}
		return new Built(configured.stream().map(u -> user(u, encoder)).toList(), null);
	}

	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false; // the web server then listens on every interface
		}
		try {
			return InetAddress.getByName(address.trim()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static UserDetails user(WebSettings.User u, PasswordEncoder encoder) {
		String role = role(u);
		List<String> authorities = new ArrayList<>(List.of("ROLE_" + role));
		if (role.equals(DEPARTMENT)) {
			authorities.add(DEPARTMENT_PREFIX + u.department().trim());
		}
		return User.withUsername(u.name()).password(hashed(u.password(), encoder)).authorities(authorities.toArray(String[]::new)).build();
	}

	/** Plain and {noop} values are hashed here; values already encoded ({bcrypt}…) are kept as given. */
	static String hashed(String password, PasswordEncoder encoder) {
		if (password.regionMatches(true, 0, "{noop}", 0, 6)) {
			return encoder.encode(password.substring(6));
		}
		return ENCODED.matcher(password).matches() ? password : encoder.encode(password);
	}

	private static String role(WebSettings.User u) {
		String role = u.role() == null ? "operator" : u.role().trim().toLowerCase(Locale.ROOT);
		return switch (role) {
			case "operator" -> OPERATOR;
			case "department" -> DEPARTMENT;
			default -> null;
		};
	}

	private static String describe(String address) {
		return address == null || address.isBlank() ? "every network interface (server.address is empty)" : address;
	}

	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
