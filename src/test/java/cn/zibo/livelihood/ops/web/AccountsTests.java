package cn.zibo.livelihood.ops.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Users from etl.users: hashed, checked, and never a default password beyond loopback. */
class AccountsTests {

	final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void withoutUsersServeRefusesToListenBeyondLoopback() {
		for (String address : new String[] { "0.0.0.0", "10.1.2.3", "", null, "::" }) {
			assertThatIllegalStateException().isThrownBy(() -> Accounts.build(List.of(), address, encoder))
				.withMessageContaining("no users are configured")
				.withMessageContaining("etl.users[0].name");
		}
	}

	@Test
	void withoutUsersOnLoopbackThereIsOneOperatorWithAPasswordMadeForThisRun() {
		Accounts.Built first = Accounts.build(List.of(), "127.0.0.1", encoder);
		Accounts.Built second = Accounts.build(List.of(), "localhost", encoder);

		assertThat(first.users()).singleElement().satisfies(u -> {
			assertThat(u.getUsername()).isEqualTo("operator");
			assertThat(roles(u)).containsExactly("ROLE_OPERATOR");
			assertThat(encoder.matches(first.developmentPassword(), u.getPassword())).isTrue();
		});
		assertThat(first.developmentPassword()).hasSize(16).isNotEqualTo(second.developmentPassword());
		assertThat(Accounts.build(List.of(), "::1", encoder).users()).hasSize(1);
	}

	@Test
	void passwordsAreKeptOnlyHashed() {
		String bcrypt = encoder.encode("third");
		List<UserDetails> users = Accounts.build(List.of(new WebSettings.User("a", "plain-one", "operator", null),
				new WebSettings.User("b", "{noop}second", "department", "edu"), new WebSettings.User("c", bcrypt, "operator", null)),
				"0.0.0.0", encoder).users();

		assertThat(users.get(0).getPassword()).startsWith("{bcrypt}").doesNotContain("plain-one");
		assertThat(encoder.matches("plain-one", users.get(0).getPassword())).isTrue();
		assertThat(users.get(1).getPassword()).startsWith("{bcrypt}");
		assertThat(encoder.matches("second", users.get(1).getPassword())).isTrue();
		assertThat(users.get(2).getPassword()).isEqualTo(bcrypt);
		assertThat(roles(users.get(1))).containsExactlyInAnyOrder("ROLE_DEPARTMENT", "DEPT_edu");
	}

	@Test
	void everyUnusableUserIsNamedInOneMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Accounts.build(List.of(new WebSettings.User("a", "", "operator", null),
					new WebSettings.User("b", "x", "department", null), new WebSettings.User("c", "y", "admin", null),
					new WebSettings.User("a", "z", "operator", null), new WebSettings.User("d", "{noop}", "operator", null)),
					"127.0.0.1", encoder))
			.withMessageContaining("etl.users[0].password is missing")
			.withMessageContaining("etl.users[1].department is missing")
			.withMessageContaining("etl.users[2].role 'admin' is not operator or department")
			.withMessageContaining("etl.users[3].name 'a' is configured twice")
			.withMessageContaining("etl.users[4].password is missing");
	}

	@Test
	void loopbackMeansThisMachineOnly() {
		assertThat(Accounts.isLoopback("127.0.0.1")).isTrue();
		assertThat(Accounts.isLoopback("localhost")).isTrue();
		assertThat(Accounts.isLoopback("::1")).isTrue();
		assertThat(Accounts.isLoopback("0.0.0.0")).isFalse();
		assertThat(Accounts.isLoopback("192.168.1.20")).isFalse();
		assertThat(Accounts.isLoopback("")).isFalse();
		assertThat(Accounts.isLoopback(null)).isFalse();
	}

	private static List<String> roles(UserDetails user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
