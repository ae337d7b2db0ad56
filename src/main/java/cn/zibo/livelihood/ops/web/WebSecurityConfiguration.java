package cn.zibo.livelihood.ops.web;

import java.time.Clock;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Who may see what under {@code serve}. Health is open (load balancers and the functional tests read
 * it); everything else needs a login: the API and the other actuator endpoints by HTTP Basic (or the
 * page's session), the page by a login form. Operators see and act on everything; a department user
 * sees the overview and its own department's submissions and receipts, which the controllers filter.
 * Changing actions are POSTs with Spring Security's CSRF token, which Thymeleaf puts into every form.
 * The API's changing requests need the token too when they come with the page's session (the
 * department page's uploads), not when they bring HTTP Basic credentials. Passwords are checked
 * through a {@link LoginThrottle}; every answer carries a Content-Security-Policy that allows only the
 * application's own files (the pages' one script is a file; no inline script or style), and
 * redirects carry a path, never a host ({@link RelativeRedirects}).
 */
@ServeOnly
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager users(WebSettings settings, PasswordEncoder encoder,
			@Value("${server.address:}") String serverAddress) {
		Accounts.Built built = Accounts.build(settings.users(), serverAddress, encoder);
		if (built.developmentPassword() != null) {
			log.info("No users configured (etl.users): development login (开发用登录) for this run only, on {} only: "
					+ "user '{}', its password printed on the console. Configure etl.users for real use.", serverAddress,
					Accounts.DEVELOPMENT_USER);
			// Not through the logger: the log file may be readable by other users of this machine.
			System.out.println("开发用登录（仅本次运行，正式使用请配置 etl.users）：user '" + Accounts.DEVELOPMENT_USER
					+ "', password '" + built.developmentPassword() + "'");
		}
		else {
			log.info("{} user(s) may log in to the operator page", built.users().size());
		}
		return new InMemoryUserDetailsManager(built.users());
	}

	@Bean
	LoginThrottle loginThrottle() {
		return new LoginThrottle(Clock.systemUTC());
	}

	@Bean
	FilterRegistrationBean<RelativeRedirects> relativeRedirects() {
		FilterRegistrationBean<RelativeRedirects> registration = new FilterRegistrationBean<>(new RelativeRedirects());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // around Spring Security's filters
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, InMemoryUserDetailsManager users, PasswordEncoder encoder,
			LoginThrottle throttle) throws Exception {
		return http.securityMatchers(m -> m.requestMatchers("/api/**").requestMatchers(EndpointRequest.toAnyEndpoint()))
			.authenticationManager(logins(users, encoder, throttle))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
			.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole(Accounts.OPERATOR)
				.requestMatchers("/api/runs/**", "/api/runs")
				.hasRole(Accounts.OPERATOR)
				.anyRequest()
				.authenticated())
			.httpBasic(withDefaults())
			.csrf(c -> c.requireCsrfProtectionMatcher(WebSecurityConfiguration::needsCsrfToken))
			// a tool sends its credentials with every request; a logged-in browser's session also counts
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, InMemoryUserDetailsManager users, PasswordEncoder encoder,
			LoginThrottle throttle) throws Exception {
		return http.authenticationManager(logins(users, encoder, throttle))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
			.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login", "/favicon.ico", "/css/**", "/js/**")
				.permitAll()
				.requestMatchers("/runs/**", "/runs", "/actions/**", "/schedules", "/periods", "/periods/**", "/report",
						"/report/**", "/chase", "/chase.xlsx")
				.hasRole(Accounts.OPERATOR)
				.anyRequest()
				.authenticated())
			.requestCache(c -> c.requestCache(pagesAskedFor()))
			.formLogin(f -> f.loginPage("/login").successHandler(new HomePages()).permitAll())
			.logout(l -> l.logoutSuccessUrl("/login?logout"))
			.build();
	}

	/**
	 * An API request that changes something carries the CSRF token unless it brings its own credentials
	 * (a department's system, HTTP Basic): a browser sends its session cookie with any site's form. A
	 * browser may also remember Basic credentials and send them with another site's request, which it
	 * marks ({@code Sec-Fetch-Site}); such a request needs the token too.
	 */
	static boolean needsCsrfToken(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		boolean fromAnotherSite = site != null && !site.equals("same-origin") && !site.equals("none");
		return request.getHeader(HttpHeaders.AUTHORIZATION) == null || fromAnotherSite;
	}

	/**
	 * The page asked for before logging in, to return to it afterwards at its own address: Spring
	 * Security marks the return by default with a {@code ?continue} parameter (so that it need not look
	 * into the session on every request), which would stay in the address bar. The pages look into
	 * the session anyway, so the return carries no parameter.
	 */
	static HttpSessionRequestCache pagesAskedFor() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setMatchingRequestParameterName(null);
		return cache;
	}

	/** After logging in: the page asked for, else an operator's overview or a department's own page. */
	static final class HomePages extends SavedRequestAwareAuthenticationSuccessHandler {

		HomePages() {
			setRequestCache(pagesAskedFor());
		}

		@Override
		protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) {
			return Viewer.of(authentication).operator() ? "/" : "/department";
		}

	}

	private static AuthenticationManager logins(InMemoryUserDetailsManager users, PasswordEncoder encoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new ThrottledLogins(passwords, throttle, users));
	}

}
