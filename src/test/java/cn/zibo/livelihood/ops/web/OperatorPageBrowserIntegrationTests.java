package cn.zibo.livelihood.ops.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.Requirements.require;

/**
 * The operator page in a real headless Chromium (Debian's chromium and chromedriver, which
 * {@code .ci/run} installs when missing): log in, find a rejected submission and read its errors,
 * restart a failed ingest run once its cause is fixed and see it complete, run reconcile now and see
 * the overview. Screenshots of each page go to {@code target/screenshots/}.
 */
@ServeIntegrationTest
class OperatorPageBrowserIntegrationTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebDriver browser;

	@BeforeEach
	void headlessChromium() throws Exception {
		require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
		Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1440, 1000));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anOperatorReadsARejectedSubmissionsErrorsAndRestartsAFailedRunToCompletion() throws Exception {
		// given a rejected submission, and an ingest run failed by a malformed mapping file
		fixture.reset();
		fixture.drop("市教育局", "browser-bad_2023Q4.csv", "指标编码,数值,报告期\nT002-01,约一百,2023Q4\nT002-02,15,2023Q4\n",
				StandardCharsets.UTF_8);
		fixture.ingest();
		long rejected = fixture.submissionId("browser-bad_2023Q4.csv");
		fixture.mapping("坏的.yml", "department: civil\nfields:\n  valeu: [本月累计]\n");
		fixture.drop("市民政局", "browser-good_2023Q4.csv", "指标编码,数值,报告期\nT059-01,2300,2023Q4\n", StandardCharsets.UTF_8);
		JobExecution failed = fixture.ingest();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

		// when the operator logs in
		browser.get(url("/runs"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(WebClient.OPERATOR);
		browser.findElement(By.id("password")).sendKeys(WebClient.OPERATOR_PASSWORD);
		browser.findElement(By.id("login")).click();
		waitFor(() -> browser.getCurrentUrl().endsWith("/runs")); // the page asked for, without ?continue
		screenshot("operator-runs-with-a-failed-run");

		// then the rejected submission is listed, and its errors open from there
		browser.findElement(By.linkText("报送记录")).click();
		WebElement row = browser.findElement(By.cssSelector("tr[data-submission='" + rejected + "']"));
		assertThat(row.getText()).contains("browser-bad_2023Q4.csv", "已退回").doesNotContain("rejected");
		screenshot("operator-submissions-list");
		row.findElement(By.cssSelector("a.errors")).click();
		WebElement errors = browser.findElement(By.id("error-table"));
		assertThat(errors.getText()).contains("约一百", "数值").doesNotContain("not_a_number");
		assertThat(errors.findElement(By.cssSelector("tr[data-code='not_a_number']")).getText()).contains("约一百");
		assertThat(browser.findElement(By.id("receipt-xlsx")).getAttribute("href")).endsWith("/submissions/" + rejected + "/receipt.xlsx");
		screenshot("operator-submission-errors");

		// and the failed run shows why, and completes once restarted after the mapping is fixed
		browser.get(url("/runs/" + failed.getId()));
		assertThat(browser.findElement(By.id("failure")).getText()).contains("坏的.yml");
		Files.delete(fixture.mappingsDir().resolve("坏的.yml"));
		browser.findElement(By.id("restart")).click();
		waitFor(() -> {
			browser.navigate().refresh();
			return browser.findElements(By.cssSelector("#attempts tr[data-status='COMPLETED']")).size() == 1;
		});
		screenshot("operator-run-restarted");
		assertThat(browser.findElement(By.cssSelector("#attempts")).getText()).contains("失败", "完成")
			.doesNotContain("FAILED", "COMPLETED");
		assertThat(browser.findElement(By.cssSelector("#attempts tr[data-status='COMPLETED']")).getText())
			.as("the restart is recorded as the operator's").contains("网页操作（" + WebClient.OPERATOR + "）");
		assertThat(fixture.submission("browser-good_2023Q4.csv")).containsEntry("status", "loaded");

		// and reconcile runs from the runs page, its run showing up there once complete
		long lastReconcile = fixture.jdbc().sql("""
				SELECT coalesce(max(e.job_execution_id), 0) FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i USING (job_instance_id) WHERE i.job_name = 'reconcileJob'""")
			.query(Long.class)
			.single();
		browser.get(url("/runs"));
		browser.findElement(By.id("reconcile-now")).click();
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("数据核对已开始运行");
		waitFor(() -> {
			browser.get(url("/runs?job=reconcileJob"));
			WebElement newest = browser.findElement(By.cssSelector("#runs tr[data-run]"));
			return Long.parseLong(newest.getAttribute("data-run")) > lastReconcile
					&& "COMPLETED".equals(newest.getAttribute("data-status"));
		});
		screenshot("operator-reconcile-run-now");

		browser.get(url("/"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("进展概览", "市民政局", "目标进度（全市）",
				"部门报送完整性", "待核实差异");
		screenshot("operator-overview-after-reconcile");
		browser.get(url("/#completeness"));
		assertThat(browser.findElements(By.cssSelector("#completeness-period option[selected]"))).hasSize(1);
		screenshot("operator-overview-completeness");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		// (a refresh racing the page's own refresh is aborted by that navigation: the next poll tries again)
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
			.ignoring(WebDriverException.class)
			.until(driver -> condition.getAsBoolean());
	}

	private void screenshot(String name) throws Exception {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
