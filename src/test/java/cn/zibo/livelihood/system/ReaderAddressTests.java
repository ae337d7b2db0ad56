package cn.zibo.livelihood.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the embedded server listens, and the URL a reporting tool is given. */
class ReaderAddressTests {

	@Test
	void loopbackIsAlwaysListenedOnAndAddressesAreQuotedForTheShell() {
		assertThat(EmbeddedAccess.listenAddresses(null)).isEqualTo("'localhost'");
		assertThat(EmbeddedAccess.listenAddresses("10.1.2.3")).isEqualTo("'localhost,10.1.2.3'");
		assertThat(EmbeddedAccess.listenAddresses("127.0.0.1, 10.1.2.3")).isEqualTo("'127.0.0.1,10.1.2.3'");
		assertThat(EmbeddedAccess.listenAddresses("*")).isEqualTo("'*'");
		assertThatThrownBy(() -> EmbeddedAccess.listenAddresses("10.1.2.3; rm -rf /"))
			.hasMessageContaining("etl.embedded.listen-addresses takes host names or IP addresses");
	}

	@Test
	void theReadersUrlNamesAnAddressOthersReachAndNoCredentials() {
		assertThat(ReportingReader.host("localhost")).isEqualTo("localhost");
		assertThat(ReportingReader.host("localhost,10.1.2.3")).isEqualTo("10.1.2.3");
		assertThat(ReportingReader.host("fe80::1")).isEqualTo("[fe80::1]");
		assertThat(ReportingReader.host("*")).isNotBlank().isNotEqualTo("*");
		assertThat(ReportingReader.withoutCredentials("jdbc:postgresql://db:5432/etl?user=etl&password=secret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/etl?sslmode=require");
		assertThat(ReportingReader.withoutCredentials("jdbc:postgresql://db/etl?password=secret")).isEqualTo("jdbc:postgresql://db/etl");
	}

}
