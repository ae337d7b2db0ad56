package cn.zibo.livelihood.ops.web;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.zibo.livelihood.Requirements.require;
import static cn.zibo.livelihood.ops.web.DepartmentPageIntegrationTests.assertNoRawCodes;

/**
 * The operators' actions in a real headless Chromium: closing a period with a reason and reopening
 * it, reading the schedules, downloading the progress workbook and chasing the departments that still
 * owe figures, all in Chinese. Screenshots go to {@code target/screenshots/actions-*.png}. Periods
 * 2094 are this class's own.
 */
@ServeIntegrationTest
class OperatorActionsBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IngestFixture fixture;

	ChromeDriver browser;

	Path downloads;

	@BeforeEach
	void headlessChromium() throws Exception {
		require(Files.isExecutable(OperatorPageBrowserIntegrationTests.CHROMIUM)
				&& Files.isExecutable(OperatorPageBrowserIntegrationTests.CHROMEDRIVER),
				"needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)");
		fixture.reset();
		Path target = Path.of("target").toAbsolutePath();
		downloads = Files.createTempDirectory(target, "downloads-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(OperatorPageBrowserIntegrationTests.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + Files.createTempDirectory(target, "chromium-profile-"), "--lang=zh-CN");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(OperatorPageBrowserIntegrationTests.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver-actions.log"))
			.build();
		browser = new ChromeDriver(service, options);
		browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		browser.manage().window().setSize(new Dimension(1440, 1200));
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
	void anOperatorClosesAndReopensAPeriodReadsTheSchedulesAndChasesTheDepartmentsBehind() throws Exception {
		// given figures of the civil affairs bureau for two periods, one of them only its status
		fixture.drop("市民政局", "浏览器_2094.csv", OperatorActionsIntegrationTests.CSV + "T059-01,周村区,654,2094Q1\n"
				+ "T059-00,,推进中,2094Q3\n", StandardCharsets.UTF_8);
		fixture.ingest();

		// when the operator logs in on the way to the periods and closes 2094Q1 with a reason
		browser.get(url("/periods"));
		browser.findElement(By.id("username")).sendKeys(WebClient.OPERATOR);
		browser.findElement(By.id("password")).sendKeys(WebClient.OPERATOR_PASSWORD);
		browser.findElement(By.id("login")).click();
		waitFor(() -> browser.getCurrentUrl().contains("/periods"));
		WebElement row = browser.findElement(By.id("period-2094Q1"));
		assertThat(row.getText()).contains("2094年第一季度", "开放");
		row.findElement(By.name("reason")).sendKeys("市民生办已审核");
		row.findElement(By.cssSelector("button.close")).click();

		// then it reads closed, with the reason and who closed it, and the record keeps it
		waitFor(() -> browser.findElement(By.cssSelector(".notice")).getText().contains("已关闭2094年第一季度"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("已关闭2094年第一季度", "市民生办已审核");
		row = browser.findElement(By.id("period-2094Q1"));
		assertThat(row.getAttribute("data-closed")).isEqualTo("true");
		assertThat(row.getText()).contains("已关闭", "市民生办已审核", WebClient.OPERATOR);
		assertThat(browser.findElement(By.id("period-history")).getText()).contains("2094年第一季度 关闭 市民生办已审核");
		readable("periods");
		browser.executeScript("document.getElementById('period-2094Q1').scrollIntoView({block: 'center'})");
		screenshot("actions-period-closed");

		// and reopening asks for a reason too
		row.findElement(By.cssSelector("button.reopen")).click();
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).as("the browser asks for the reason first")
			.contains("已关闭2094年第一季度");
		assertThat(browser.findElement(By.id("period-2094Q1")).getAttribute("data-closed")).isEqualTo("true");
		browser.findElement(By.id("period-2094Q1")).findElement(By.name("reason")).sendKeys("民政局更正床位数");
		browser.findElement(By.id("period-2094Q1")).findElement(By.cssSelector("button.reopen")).click();
		waitFor(() -> browser.findElement(By.cssSelector(".notice")).getText().contains("已重新开放2094年第一季度"));
		assertThat(browser.findElement(By.id("period-2094Q1")).getAttribute("data-closed")).isEqualTo("false");
		assertThat(browser.findElement(By.id("period-history")).getText()).contains("2094年第一季度 重新开放 民政局更正床位数");
		screenshot("actions-period-reopened");

		// the schedules, in words, with their next run
		browser.findElement(By.linkText("作业计划")).click();
		String schedules = readable("schedules");
		assertThat(schedules).contains("本服务进程未启用作业调度", "数据接收", "目录加载", "每天02:30", "工作日（周一至周五）");
		assertThat(browser.findElements(By.cssSelector("#schedules .next-fire")))
			.allSatisfy(cell -> assertThat(cell.getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（周[一二三四五六日]）\\d{2}:\\d{2}"));
		screenshot("actions-schedules");

		// the progress workbook of a chosen period
		browser.findElement(By.linkText("进展报表")).click();
		waitFor(() -> browser.getCurrentUrl().endsWith("/report"));
		new Select(browser.findElement(By.id("report-period"))).selectByValue("2094Q1");
		readable("report");
		screenshot("actions-report");
		browser.findElement(By.id("download-report")).click();
		Path workbook = downloaded(".xlsx");
		assertThat(workbook.getFileName().toString()).isEqualTo("进展情况汇总表_2094年第一季度.xlsx");
		try (XSSFWorkbook opened = new XSSFWorkbook(Files.newInputStream(workbook))) {
			assertThat(opened.getProperties().getCoreProperties().getTitle()).contains("2094年第一季度");
		}

		// 催报 for 2094Q3: the civil affairs bureau owes more than its status, and a reminder says what
		browser.findElement(By.linkText("催报")).click();
		waitFor(() -> browser.getCurrentUrl().contains("/chase"));
		new Select(browser.findElement(By.id("chase-period"))).selectByValue("2094Q3");
		browser.findElement(By.cssSelector("#chase-form button")).click();
		waitFor(() -> browser.findElement(By.id("chase-period-name")).getText().equals("2094年第三季度"));
		assertThat(browser.findElement(By.id("chase-period-name")).getText()).isEqualTo("2094年第三季度");
		WebElement civil = browser.findElement(By.cssSelector("#chase tr[data-department='civil']"));
		assertThat(civil.getText()).contains("市民政局", "未到截止日");
		assertThat(civil.findElements(By.cssSelector("[data-indicator='T059-00']"))).isEmpty();
		assertThat(civil.findElements(By.cssSelector("[data-indicator='T060-00']"))).hasSize(1);
		WebElement reminder = browser.findElement(By.cssSelector("textarea[data-department='civil']"));
		assertThat(reminder.getAttribute("readonly")).isNotNull();
		assertThat(reminder.getAttribute("value")).startsWith("关于报送2094年第三季度民生实事数据的提醒")
			.contains("市民政局：", "2094年10月10日前报送", "市民生工作领导小组办公室");
		readable("chase");
		screenshot("actions-chase");
		WebElement copy = browser.findElement(By.cssSelector("button[data-copy='reminder-civil']"));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", copy);
		copy.click();
		waitFor(() -> copy.getText().equals("已复制"));
		civil.findElement(By.tagName("summary")).click();
		browser.executeScript("document.querySelector('textarea[data-department=civil]').scrollIntoView({block: 'center'})");
		screenshot("actions-chase-reminder");
		browser.findElement(By.id("chase-xlsx")).click();
		assertThat(downloaded("催报清单").getFileName().toString()).isEqualTo("催报清单_2094年第三季度.xlsx");
	}

	/** The page's main text: Chinese, no raw codes; returned for more checks. */
	private String readable(String page) {
		String text = browser.findElement(By.tagName("main")).getText();
		assertNoRawCodes(text);
		assertThat(OperatorActionsIntegrationTests.OPERATOR_CODES.matcher(text.replace(WebClient.OPERATOR, "")).find())
			.as("a raw code on " + page).isFalse();
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		return text;
	}

	private Path downloaded(String part) {
		Path[] found = new Path[1];
		waitFor(() -> {
			try (Stream<Path> files = Files.list(downloads)) {
				List<Path> done = files.filter(f -> f.getFileName().toString().contains(part)
						&& f.getFileName().toString().endsWith(".xlsx")).toList();
				found[0] = done.isEmpty() ? null : done.get(0);
				return found[0] != null;
			}
			catch (java.io.IOException ex) {
				return false;
			}
		});
		return found[0];
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		// (a click that submits a form returns before the next page has loaded: elements found meanwhile
		// may belong to the page being left)
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(300))
			.ignoring(StaleElementReferenceException.class)
			.until(driver -> condition.getAsBoolean());
	}

	private void screenshot(String name) throws Exception {
		Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, OperatorPageBrowserIntegrationTests.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
