package cn.zibo.livelihood.ops.web;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Checks passwords (the page's form and the API's HTTP Basic alike) through a {@link LoginThrottle}:
 * a user with too many recent failures is refused as if the password were wrong, so that a guesser
 * learns nothing from the answer.
 */
final class ThrottledLogins implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledLogins.class);

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final UserDetailsManager users;

	ThrottledLogins(AuthenticationProvider passwords, LoginThrottle throttle, UserDetailsManager users) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Instant until = throttle.refusedUntil(name);
		if (until != null) {
			log.warn("Login as '{}' refused without checking the password: too many failed logins; refused until {}", name,
					until);
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(name);
			return result;
		}
		catch (BadCredentialsException ex) {
			if (users.userExists(name)) {
				throttle.failed(name);
				log.info("Failed login as '{}'", name);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return passwords.supports(authentication);
	}

}
