package org.cinema.it.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (nothing downloaded), with the few
 * PrimeFaces-aware moves the admin's browser tests need: wait for ajax, pick from a select menu,
 * take a screenshot.
 */
public final class Browser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;

  private Browser(WebDriver driver, Path screenshots) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, WAIT);
    this.screenshots = screenshots;
  }

  /**
   * A fresh headless Chromium speaking English. Without Chromium the test is skipped, except under
   * {@code CI=true}, where a browser test that cannot run is a failure.
   */
  public static Browser open() {
    Optional<Path> chromium = executable("chromium", "chromium-browser");
    Optional<Path> driver = executable("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      String why = "Chromium or chromedriver missing: apt-get install chromium chromium-driver";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1440,1000",
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
    Path screenshots = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
    return new Browser(new ChromeDriver(service, options), screenshots);
  }

  public WebDriver driver() {
    return driver;
  }

  public void get(String url) {
    driver.get(url);
    ajaxDone();
  }

  public WebElement visible(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public void type(String id, String text) {
    WebElement input = visible(id);
    input.clear();
    input.sendKeys(text);
  }

  public void click(String id) {
    click(By.id(id));
  }

  public void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    ajaxDone();
  }

  /**
   * Clicks what submits a whole page (not an AJAX action) and waits for the next page: until the
   * clicked element is gone, the old page is still "complete" and its URL is still current.
   */
  public void clickToLeave(String id) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    element.click();
    wait.until(ExpectedConditions.stalenessOf(element));
    ajaxDone();
  }

  /**
   * Picks {@code label} in a PrimeFaces selectOneMenu, and waits until the menu shows it. The item
   * is clicked through the page's script: while the panel is still sliding open, a pointer click
   * can miss or be refused.
   */
  public void selectOne(String menuId, String label) {
    By item = By.cssSelector("#" + css(menuId + "_items") + " li[data-label='" + label + "']");
    By shown = By.id(menuId + "_label");
    for (int attempt = 0; attempt < 3; attempt++) {
      click(menuId);
      WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(item));
      ((JavascriptExecutor) driver).executeScript("arguments[0].click();", option);
      ajaxDone();
      try {
        new WebDriverWait(driver, Duration.ofSeconds(3))
            .until(ExpectedConditions.textToBe(shown, label));
        return;
      } catch (org.openqa.selenium.TimeoutException missed) {
        // not taken: open the menu and try again
      }
    }
    throw new AssertionError(menuId + " did not take " + label);
  }

  /** Waits until PrimeFaces has no ajax request queued or running. */
  public void ajaxDone() {
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                            + " && (!window.jQuery || jQuery.active === 0);"));
  }

  /** Waits until the element's text contains {@code text}; returns the whole text. */
  public String awaitText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    return driver.findElement(By.id(id)).getText();
  }

  public String text(String id) {
    return visible(id).getText();
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public void waitUntilGone(String id) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id)));
  }

  /** Saves the page as {@code name}.png in the screenshots folder (a test artifact). */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(screenshots);
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(name + ".png");
    Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** A JSF client id ({@code form:field}) as a CSS id selector. */
  public static String css(String id) {
    return id.replace(":", "\\:");
  }

  private static Optional<Path> executable(String... names) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
