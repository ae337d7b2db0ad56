package cn.zibo.livelihood.ops.web;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zibo.livelihood.ingest.IngestFixture;

import static cn.zibo.livelihood.Requirements.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department clerk's whole cycle in a real headless Chromium, without the shared folder: log in,
 * read what is missing for the period, download the template, fill it (POI), pre-check a copy with
 * one bad cell and read that problem on the page, upload the corrected file and watch its receipt
 * appear without reloading; the figures are then in {@code reporting.indicator_value}. Screenshots go
 * to {@code target/screenshots/department-*.png}.
 */
@ServeIntegrationTest
class DepartmentPageBrowserIntegrationTests {

	static final String PERIOD = "2085Q1";

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
			.withLogFile(new File("target/chromedriver-department.log"))
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
	void aClerkDownloadsTheTemplateFillsItPrechecksAndUploadsItAndSeesTheReceiptWithoutReloading() throws Exception {
		// a clerk opens the department page for the period, and logs in on the way
		browser.get(url("/department?period=" + PERIOD));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(WebClient.EDU);
		browser.findElement(By.id("password")).sendKeys(WebClient.EDU_PASSWORD);
		browser.findElement(By.id("login")).click();
		waitFor(() -> browser.getCurrentUrl().contains("/department"));

		// sees what is still missing
		assertThat(browser.findElement(By.id("period-name")).getText()).isEqualTo("2085年第一季度");
		WebElement missing = browser.findElement(By.id("missing"));
		assertThat(missing.findElements(By.cssSelector("tr[data-indicator='T002-02']"))).hasSize(1);
		assertThat(missing.getText()).contains("任务2", "招聘公办幼儿教师", "人");
		screenshot("department-missing");

		// downloads the template
		browser.findElement(By.id("template-link")).click();
		Path template = downloaded("市教育局_2085年第一季度_填报模板.xlsx");

		// fills it, and pre-checks a copy with one bad cell
		List<String> expected = new ArrayList<>();
		Path corrected = downloads.resolve("市教育局_2085年第一季度.xlsx");
		Path withMistake = downloads.resolve("市教育局_2085年第一季度_有误.xlsx");
		int badRow = fill(template, corrected, withMistake, expected);
		browser.findElement(By.id("precheck-file")).sendKeys(withMistake.toString());
		browser.findElement(By.id("precheck-button")).click();
		waitFor(() -> !browser.findElements(By.id("precheck-problems")).isEmpty());
		assertThat(browser.findElement(By.id("precheck-verdict")).getText()).startsWith("预检未通过");
		List<WebElement> problems = browser.findElements(By.cssSelector("#precheck-problems tr td:nth-child(2)"));
		assertThat(problems).singleElement().satisfies(cell -> assertThat(cell.getText()).isEqualTo(String.valueOf(badRow)));
		assertThat(browser.findElement(By.id("precheck-problems")).getText()).contains("数值", "约一百");
		screenshot("department-precheck", "precheck");
		assertThat(fixture.jdbc().sql("SELECT count(*) FROM warehouse.submission WHERE file_name LIKE '市教育局_2085%'")
			.query(Long.class).single()).as("a pre-check submits nothing").isZero();

		// uploads the corrected file, and sees its receipt appear without reloading
		browser.executeScript("window.samePage = true;");
		browser.findElement(By.id("upload-files")).sendKeys(corrected.toString());
		browser.findElement(By.id("upload-button")).click();
		waitFor(() -> !browser.findElements(By.cssSelector("#upload-results tr[data-status='waiting']")).isEmpty());
		assertThat(browser.findElement(By.id("upload-results")).getText()).contains("市教育局_2085年第一季度.xlsx", "等待接收");
		screenshot("department-upload-waiting", "upload");
		fixture.ingest(); // what the inbox watcher does under serve
		waitFor(() -> !browser.findElements(By.cssSelector("#upload-results a.receipt-xlsx")).isEmpty());
		assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return window.samePage === true;")).isTrue();
		assertThat(browser.findElement(By.id("upload-results")).getText()).contains("已入库", "回执表格", "回执文本");
		screenshot("department-upload-receipt", "upload");

		// and the figures are in the warehouse's public face
		long id = fixture.submissionId("市教育局_2085年第一季度.xlsx");
		assertThat(fixture.jdbc().sql("""
				SELECT indicator_code || ' ' || district_code || ' ' || period || ' = ' || trim_scale(value)
				FROM reporting.indicator_value WHERE submission_id = ? AND value IS NOT NULL ORDER BY 1""")
			.param(id).query(String.class).list()).containsExactlyInAnyOrderElementsOf(expected);
		browser.navigate().refresh();
		assertThat(browser.findElement(By.cssSelector("#department-submissions tr[data-submission='" + id + "']")).getText())
			.contains("市教育局_2085年第一季度.xlsx", "已入库", "下载原件");
		assertThat(browser.findElements(By.cssSelector("#missing tr[data-indicator='T002-02']"))).isEmpty();
		screenshot("department-after");
	}

	/**
	 * Fills the 全市 row of every indicator (a status and its narrative on progress rows, a number within
	 * the template's validation otherwise) into {@code corrected}, and the same with one number
	 * written as words into {@code withMistake}.
	 *
	 * @return the row of the bad cell as Excel numbers it
	 */
	private static int fill(Path template, Path corrected, Path withMistake, List<String> expected) throws Exception {
		int badRow = -1;
		for (Path out : List.of(corrected, withMistake)) {
			try (InputStream in = Files.newInputStream(template); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
				XSSFSheet sheet = workbook.getSheet("填报");
				DataFormatter text = new DataFormatter();
				int header = headerRow(sheet, text);
				List<String> headers = new ArrayList<>();
				sheet.getRow(header).forEach(c -> headers.add(text.formatCellValue(c)));
				int code = headers.indexOf("指标编码"), district = headers.indexOf("区县"), value = headers.indexOf("数值"),
						unit = headers.indexOf("单位"), remark = headers.indexOf("备注");
				boolean mistakeMade = false;
				for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
					Row row = sheet.getRow(r);
					if (row == null || !"全市".equals(text.formatCellValue(row.getCell(district)))) {
						continue;
					}
					String indicator = text.formatCellValue(row.getCell(code));
					if (!indicator.startsWith("T002-")) {
						// one task's rows: figures of the department's other indicators would become the latest of
						// the shared warehouse that other test classes judge progress by
						continue;
					}
					Cell cell = row.getCell(value) == null ? row.createCell(value) : row.getCell(value);
					if (indicator.endsWith("-00")) {
						cell.setCellValue("推进中");
						row.getCell(remark).setCellValue("按计划推进");
						continue;
					}
					BigDecimal number = switch (text.formatCellValue(row.getCell(unit))) {
						case "%" -> new BigDecimal("50.5");
						case "百分点" -> new BigDecimal("1.5");
						default -> new BigDecimal(r * 7);
					};
					if (out == withMistake && !mistakeMade) {
						cell.setCellValue("约一百");
						mistakeMade = true;
						badRow = r + 1;
						continue;
					}
					cell.setCellValue(number.doubleValue());
					if (out == corrected) {
						expected.add(indicator + " 370300 " + PERIOD + " = " + number.stripTrailingZeros().toPlainString());
					}
				}
				try (OutputStream written = Files.newOutputStream(out)) {
					workbook.write(written);
				}
			}
		}
		return badRow;
	}

	private static int headerRow(XSSFSheet sheet, DataFormatter text) {
		for (Row row : sheet) {
			for (Cell cell : row) {
				if ("指标编码".equals(text.formatCellValue(cell))) {
					return row.getRowNum();
				}
			}
		}
		throw new AssertionError("the template has no header row");
	}

	private Path downloaded(String name) throws Exception {
		Path file = downloads.resolve(name);
		waitFor(() -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
		try (Stream<Path> files = Files.list(downloads)) {
			assertThat(files.map(p -> p.getFileName().toString())).contains(name);
		}
		return file;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private void waitFor(java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(300))
			.until(driver -> condition.getAsBoolean());
	}

	/** A screenshot with the element of this id at the top. */
	private void screenshot(String name, String id) throws Exception {
		browser.executeScript("arguments[0].scrollIntoView(true);", browser.findElement(By.id(id)));
		screenshot(name);
	}

	private void screenshot(String name) throws Exception {
		Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, OperatorPageBrowserIntegrationTests.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
