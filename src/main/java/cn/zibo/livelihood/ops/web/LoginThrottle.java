package cn.zibo.livelihood.ops.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing. After {@value #FREE_FAILURES} failed logins for one user, further logins
 * as that user are refused, as failed logins and without looking at the password, for a delay that
 * starts at one minute and doubles with each further failure, up to 15 minutes. A successful login
 * clears the count; so do 15 minutes without failures once a refusal has ended. Guessing then gets
 * a handful of tries an hour instead of thousands a minute.
 * <p>
 * Kept in memory only: a restart forgets it, and instances of {@code serve} sharing a database each
 * count the attempts they see. Only configured users are counted, so that made-up names cannot fill
 * the memory.
 */
final class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	static final Duration MAX_DELAY = Duration.ofMinutes(15);

	static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Failed logins of one user so far, and when the last one was. */
	private record Failures(int count, Instant last) {

		Instant refusedUntil() {
			if (count < FREE_FAILURES) {
				return last;
			}
			int doublings = Math.min(count - FREE_FAILURES, 10);
			Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
			return last.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
		}

	}

	/** @return until when a login as this user is refused, or null when it may be tried now */
	Instant refusedUntil(String user) {
		Failures f = failures.get(key(user));
		if (f == null) {
			return null;
		}
		Instant until = f.refusedUntil();
		return clock.instant().isBefore(until) ? until : null;
	}

	void failed(String user) {
		Instant now = clock.instant();
		failures.compute(key(user), (name, f) -> f == null || now.isAfter(f.refusedUntil().plus(FORGET_AFTER))
				? new Failures(1, now) : new Failures(f.count() + 1, now));
	}

	void succeeded(String user) {
		failures.remove(key(user));
	}

	/** User names are not case-sensitive: {@code Admin} is {@code admin}. */
	private static String key(String user) {
		return user == null ? "" : user.toLowerCase(Locale.ROOT);
	}

}
