package cn.zibo.livelihood.ops.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.Requirements.require;

/**
 * The operator console as the city office reads it, in a real headless Chromium: every page in
 * Chinese ({@code lang="zh-CN"}, no raw code of a status, job, step or finding in the page's visible
 * text), and the links between runs, submissions and findings, both ways. Figures: co-leads 市民政局
 * and 市人力资源社会保障局 disagree on T069-02 for 2018Q4, 市民政局 reports T059-01 for 2018Q3 (periods
 * no other test class uses). Screenshots go to {@code target/screenshots/operator-*.png}.
 */
@ServeIntegrationTest
class OperatorConsoleBrowserIntegrationTests {

	/** Codes that must never reach an operator's eyes, only attributes. */
	static final Pattern RAW_CODES = Pattern.compile("\\b(achieved|on_track|behind|no_data|on_time|late|pending|incomplete"
			+ "|missing|nothing_due|co_lead_mismatch|district_sum_mismatch|cumulative_decrease|outlier|COMPLETED|FAILED"
			+ "|STARTED|STARTING|STOPPED|ABANDONED|UNKNOWN|ingestJob|reconcileJob|catalogueLoadJob|\\w+Step|rejected"
			+ "|loaded|received|duplicate|superseded|in_progress|not_started|not_a_number|instance|launched\\.by|null"
			+ "|java\\.\\w+|Exception)\\b");

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	WebDriver browser;

	@BeforeEach
	void headlessChromium() throws Exception {
		Path chromium = OperatorPageBrowserIntegrationTests.CHROMIUM;
		Path driver = OperatorPageBrowserIntegrationTests.CHROMEDRIVER;
		require(Files.isExecutable(chromium) && Files.isExecutable(driver),
				"needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
		Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver-console.log"))
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1440, 1000));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		Files.createDirectories(OperatorPageBrowserIntegrationTests.SCREENSHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anOperatorReadsEveryPageInChineseAndFollowsRunsSubmissionsAndFindingsBothWays() throws Exception {
		// given a run that loaded two co-leads' disagreeing figures and refused a file
		fixture.reset();
		fixture.drop("市教育局", "console-bad_2018Q4.csv", "指标编码,数值,报告期\nT002-01,约一百,2018Q4\n", StandardCharsets.UTF_8);
		fixture.drop("市民政局", "console-民政_2018Q4.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2018Q4,100\n",
				StandardCharsets.UTF_8);
		fixture.drop("市人力资源社会保障局", "console-人社_2018Q4.csv", "指标编码,区县,报告期,数值\nT069-02,全市,2018Q4,120\n",
				StandardCharsets.UTF_8);
		JobExecution withRejection = fixture.ingest();
		assertThat(withRejection.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long rejected = fixture.submissionId("console-bad_2018Q4.csv");
		long civil = fixture.submissionId("console-民政_2018Q4.csv");
		long labour = fixture.submissionId("console-人社_2018Q4.csv");
		// and a run failed by a bad mapping file, holding a file it took
		fixture.mapping("控制台坏映射.yml", "department: civil\nfields:\n  valeu: [本月累计]\n");
		fixture.drop("市民政局", "console-held_2018Q3.csv", "指标编码,数值,报告期\nT059-01,2300,2018Q3\n", StandardCharsets.UTF_8);
		JobExecution failed = fixture.ingest();
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		long held = fixture.submissionId("console-held_2018Q3.csv");

		// when the operator logs in, the address bar shows the page asked for, no ?continue
		browser.get(url("/submissions/" + held));
		browser.findElement(By.id("username")).sendKeys(WebClient.OPERATOR);
		browser.findElement(By.id("password")).sendKeys(WebClient.OPERATOR_PASSWORD);
		browser.findElement(By.id("login")).click();
		arrivesAt(url -> url.endsWith("/submissions/" + held));

		// then the waiting file links to the failed run holding it, which says why in Chinese
		readsChinese("operator-submission-held");
		browser.findElement(By.cssSelector("#held-by a")).click();
		arrivesAt(url -> url.endsWith("/runs/" + failed.getId()));
		assertThat(browser.findElement(By.id("failure")).getText()).contains("表头映射文件有误", "控制台坏映射.yml");
		assertThat(browser.findElement(By.id("failure-action")).getText()).contains("重新运行");
		WebElement details = browser.findElement(By.cssSelector("#failure-section details"));
		assertThat(details.findElement(By.tagName("summary")).getText()).isEqualTo("详细信息");
		assertThat(details.getAttribute("open")).as("technical text folded away").isNull();
		assertThat(browser.findElement(By.cssSelector("#run-files tr[data-submission='" + held + "']")).getText())
			.contains("console-held_2018Q3.csv", "待处理");
		readsChinese("operator-run-failed");

		// and once a later run has taken the file, the failed run is marked made good, not left to restart
		Files.delete(fixture.mappingsDir().resolve("控制台坏映射.yml"));
		JobExecution later = fixture.ingest();
		assertThat(later.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		browser.get(url("/runs"));
		WebElement failedRow = browser.findElement(By.cssSelector("#runs tr[data-run='" + failed.getId() + "']"));
		assertThat(failedRow.getAttribute("data-state")).isEqualTo("made-good");
		assertThat(failedRow.getText()).contains("已由后续运行", "#" + later.getId(), "数据接收");
		assertThat(failedRow.findElements(By.cssSelector("button.restart"))).isEmpty();
		WebElement rejectingRow = browser.findElement(By.cssSelector("#runs tr[data-run='" + withRejection.getId() + "']"));
		assertThat(rejectingRow.getAttribute("data-state")).as("not a plain green 完成").isEqualTo("with-rejections");
		assertThat(rejectingRow.getText()).contains("完成，有退回文件", "命令行", "收取文件 3 个：入库 2，退回 1；校验数值 3 个：入库 2，退回 1", "退回文件 1 个");
		readsChinese("operator-runs");

		// and a run lists its files, each linking to its submission, which links back to the run
		browser.findElement(By.cssSelector("#runs tr[data-run='" + withRejection.getId() + "'] td a")).click();
		assertThat(browser.findElements(By.cssSelector("#run-files tr[data-submission]"))).hasSize(3);
		readsChinese("operator-run");
		browser.findElement(By.cssSelector("#run-files tr[data-submission='" + rejected + "'] a")).click();
		arrivesAt(url -> url.endsWith("/submissions/" + rejected));
		assertThat(browser.findElement(By.id("error-table")).getText()).contains("约一百");
		assertThat(browser.findElement(By.id("claimed-by")).getText()).isEqualTo("#" + withRejection.getId());
		readsChinese("operator-submission-rejected");

		// and a submission lists the findings about its figures, whose 报送#N references are links
		browser.get(url("/submissions/" + civil));
		WebElement finding = browser.findElement(By.cssSelector("#findings-table tr[data-kind='co_lead_mismatch']"));
		assertThat(finding.getText()).contains("牵头部门数值不一致", "T069-02", "全市", "2018年第四季度");
		readsChinese("operator-submission-findings");
		finding.findElement(By.cssSelector("a.submission-ref[href$='/submissions/" + labour + "']")).click();
		arrivesAt(url -> url.endsWith("/submissions/" + labour));
		assertThat(browser.findElements(By.cssSelector("#findings-table tr[data-kind='co_lead_mismatch']"))).isNotEmpty();

		// and the overview: no failed run made good awaits a restart, the figures card agrees with the rows
		browser.get(url("/"));
		assertThat(browser.findElements(By.cssSelector("#failed-runs tr[data-run='" + failed.getId() + "']"))).isEmpty();
		long rows = browser.findElements(By.cssSelector("#department-activity .figures-current")).stream()
			.mapToLong(e -> Long.parseLong(e.getText().replace(",", "")))
			.sum();
		assertThat(Long.parseLong(browser.findElement(By.id("figures-current")).getText().replace(",", ""))).isEqualTo(rows);
		assertThat(browser.findElement(By.id("figures-card")).getText()).contains("各部门现行数据", "汇总后指标数值");
		assertThat(browser.findElements(By.cssSelector("#discrepancy-table a.submission-ref"))).isNotEmpty();
		readsChinese("operator-overview");

		// and the submissions are filtered by a department chosen by its Chinese name
		browser.get(url("/submissions"));
		new Select(browser.findElement(By.id("department-filter"))).selectByVisibleText("市教育局");
		browser.findElement(By.id("department-filter")).submit();
		arrivesAt(url -> url.contains("department=edu"));
		List<WebElement> listed = browser.findElements(By.cssSelector("#submissions tr[data-submission]"));
		assertThat(listed).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("市教育局"));
		readsChinese("operator-submissions");

		// and a page that does not exist answers in Chinese, with the menu
		browser.get(url("/runs/999999999"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("页面不存在");
		assertThat(browser.findElements(By.cssSelector("header nav a"))).extracting(WebElement::getText)
			.contains("概览", "报送记录", "作业运行");
		readsChinese("operator-error-404");
	}

	/** The page declares Chinese, titles in Chinese, and shows no raw code; then its screenshot. */
	private void readsChinese(String screenshot) throws Exception {
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.getTitle()).endsWith(" · 民生113项").containsPattern("\\p{IsHan}");
		String text = browser.findElement(By.tagName("body")).getText()
			.replaceAll("《[^》]*》", "") // file names the departments chose
			.replaceAll("\\S+\\.(csv|xlsx|xls|yml)", "");
		assertThat(RAW_CODES.matcher(text).results().map(m -> m.group()).toList()).as(browser.getCurrentUrl()).isEmpty();
		long height = ((Number) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight")).longValue();
		browser.manage().window().setSize(new Dimension(1440, (int) Math.min(Math.max(height + 140, 1000), 5000)));
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		browser.manage().window().setSize(new Dimension(1440, 1000));
		Files.copy(shot, OperatorPageBrowserIntegrationTests.SCREENSHOTS.resolve(screenshot + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** A click that leads to another page returns before the browser is there. */
	private void arrivesAt(java.util.function.Predicate<String> address) {
		new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
			.ignoring(WebDriverException.class)
			.until(driver -> address.test(driver.getCurrentUrl()));
	}

}
