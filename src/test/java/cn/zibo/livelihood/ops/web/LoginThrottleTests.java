package cn.zibo.livelihood.ops.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a user is refused after failed logins, on a clock the test moves. */
class LoginThrottleTests {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(clock);

	@Test
	void fiveFailuresAreFreeThenTheUserIsRefusedForAMinute() {
		fail("admin", 4);
		assertThat(throttle.refusedUntil("admin")).as("four failures cost nothing").isNull();

		fail("admin", 1);

		assertThat(throttle.refusedUntil("admin")).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(throttle.refusedUntil("ADMIN")).as("the same user, however written").isNotNull();
		assertThat(throttle.refusedUntil("jiaoyuju")).as("other users are not affected").isNull();
		clock.move(Duration.ofSeconds(61));
		assertThat(throttle.refusedUntil("admin")).isNull();
	}

	@Test
	void eachFurtherFailureDoublesTheDelayUpToFifteenMinutes() {
		fail("admin", 5);
		Duration[] delays = new Duration[6];
		for (int i = 0; i < delays.length; i++) {
			clock.move(Duration.between(clock.instant(), throttle.refusedUntil("admin")).plusSeconds(1));
			fail("admin", 1);
			delays[i] = Duration.between(clock.instant(), throttle.refusedUntil("admin"));
		}

		assertThat(delays).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
				Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15));
	}

	@Test
	void aSuccessOrAQuietQuarterHourAfterTheRefusalForgetsTheFailures() {
		fail("admin", 5);
		throttle.succeeded("admin");
		fail("admin", 4);
		assertThat(throttle.refusedUntil("admin")).as("counting again from zero").isNull();

		fail("admin", 1);
		clock.move(Duration.ofMinutes(1).plus(LoginThrottle.FORGET_AFTER).plusSeconds(1));
		fail("admin", 1);

		assertThat(throttle.refusedUntil("admin")).isNull();
	}

	private void fail(String user, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(user);
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2025-01-06T09:00:00Z");

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
