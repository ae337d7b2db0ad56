package cn.zibo.livelihood.ops.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of {@code serve}'s web side, beside the pipeline's own {@code etl.*} folders.
 *
 * @param users who may log in ({@code etl.users[0].name}, {@code .password}, {@code .role},
 * {@code .department})
 * @param retention how long the job repository keeps executions
 */
@ConfigurationProperties("etl")
public record WebSettings(List<User> users, @DefaultValue Retention retention) {

	public WebSettings {
		users = users == null ? List.of() : List.copyOf(users);
	}

	/**
	 * One login.
	 *
	 * @param name the login name
	 * @param password a plain value (hashed with bcrypt at start-up, never kept), or one already
	 * encoded with its prefix: {@code {bcrypt}$2a$10$…}; {@code {noop}secret} counts as the plain
	 * value {@code secret}
	 * @param role {@code operator} (sees and acts on everything) or {@code department} (sees only its
	 * department's submissions and receipts)
	 * @param department the department's code (as in {@code catalogue show}), for the department role
	 */
	public record User(String name, String password, @DefaultValue("operator") String role, String department) {
	}

	/**
	 * @param jobExecutions job executions older than this are purged at start-up and daily (their
	 * steps, contexts and parameters with them); {@code 0} keeps everything
	 */
	public record Retention(@DefaultValue("90d") Duration jobExecutions) {
	}

}
