package dev.tierlab.browser;

import dev.tierlab.verify.engine.Browser;
import dev.tierlab.verify.engine.NotVerifiableHere;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium, driven through the system's chromedriver (Selenium WebDriver): each visit starts
 * a fresh browser with an empty profile, does its steps, reads the page's console and ends the
 * browser. No Chromium process outlives a visit: after WebDriver's quit, every process the driver
 * started that is still alive is killed, and a shutdown hook does the same if tierlab ends meanwhile.
 */
public final class ChromiumBrowser implements Browser {
    /** Selenium reports through java.util.logging (e.g. that it has no CDP module for this version): kept quiet. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");
    private static final Duration POLL = Duration.ofMillis(100);

    private final Chromium chromium;
    private final boolean root;

    /**
     * @param root whether tierlab runs as root, where Chromium starts only without its sandbox
     *             ({@code --no-sandbox}); a visit's pages are the learner's own deployed site
     */
    public ChromiumBrowser(Chromium chromium, boolean root) {
        this.chromium = chromium;
        this.root = root;
        SELENIUM.setLevel(Level.OFF);
    }

    @Override
    public Seen visit(Visit visit) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        List<ProcessHandle> started = new ArrayList<>();
        Thread ending = new Thread(() -> killAll(started), "tierlab-browser-ending");
        Runtime.getRuntime().addShutdownHook(ending);
        ChromeDriver driver = null;
        try {
            try {
                service.start();
                driver = new ChromeDriver(service, options(visit.timeout()));
            } catch (WebDriverException | java.io.IOException e) {
                throw new NotVerifiableHere("Chromium (" + chromium.binary() + ") did not start: " + firstLine(e.getMessage()));
            } finally {
                ProcessHandle.current().descendants().filter(this::ours).forEach(started::add);
            }
            return steps(driver, visit);
        } finally {
            if (driver != null) {
                try {
                    driver.quit();
                } catch (WebDriverException e) {
                    // the processes are killed below
                }
            }
            service.stop();
            killAll(started);
            try {
                Runtime.getRuntime().removeShutdownHook(ending);
            } catch (IllegalStateException e) {
                // the JVM is ending: the hook runs
            }
        }
    }

    private Seen steps(ChromeDriver driver, Visit visit) {
        String lastText = null;
        int failed = -1;
        String failure = null;
        try {
            driver.get(visit.url());
            for (int i = 0; i < visit.actions().size() && failure == null; i++) {
                Action a = visit.actions().get(i);
                try {
                    if (a.click() != null) {
                        element(driver, a.click(), null, visit.timeout()).click();
                    } else if (a.type() != null) {
                        WebElement field = element(driver, a.type(), null, visit.timeout());
                        field.clear();
                        field.sendKeys(a.text());
                    } else {
                        lastText = element(driver, a.waitFor(), a.text(), visit.timeout()).getText();
                    }
                } catch (StepFailed | WebDriverException e) {
                    failed = i;
                    failure = e instanceof StepFailed ? e.getMessage() : firstLine(e.getMessage());
                }
            }
        } catch (WebDriverException e) {
            failure = firstLine(e.getMessage());
        }
        return new Seen(failed, failure, lastText, consoleErrors(driver));
    }

    /** The element {@code selector} names, once it is there (and, with {@code text}, contains it). */
    private static WebElement element(ChromeDriver driver, String selector, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = null;
        while (true) {
            List<WebElement> found;
            try {
                found = driver.findElements(By.cssSelector(selector));
            } catch (org.openqa.selenium.InvalidSelectorException e) {
                throw new StepFailed("'" + selector + "' is not a valid CSS selector");
            }
            for (WebElement e : found) {
                try {
                    String t = e.getText();
                    if (text == null || t.contains(text)) {
                        return e;
                    }
                    seen = t;
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    // the page replaced it: look again
                }
            }
            if (System.nanoTime() > deadline) {
                long s = timeout.toSeconds();
                throw new StepFailed(found.isEmpty() || seen == null
                        ? "no element matches " + selector + " after " + s + " s"
                        : selector + " reads \"" + excerpt(seen) + "\", not \"" + text + "\", after " + s + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
    }

    /** The page's console errors; the favicon a browser asks for by itself does not count. */
    private static List<String> consoleErrors(ChromeDriver driver) {
        List<String> errors = new ArrayList<>();
        try {
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("/favicon.ico")) {
                    errors.add(e.getMessage());
                }
            }
        } catch (WebDriverException e) {
            errors.add("the console could not be read: " + firstLine(e.getMessage()));
        }
        return errors;
    }

    private ChromeOptions options(Duration timeout) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(chromium.binary().toFile());
        o.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--window-size=1280,900");
        if (root) {
            o.addArguments("--no-sandbox"); // Chromium refuses to start as root with its sandbox
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        o.setPageLoadTimeout(timeout.plusSeconds(15));
        o.setScriptTimeout(timeout);
        return o;
    }

    private boolean ours(ProcessHandle p) {
        String command = p.info().command().orElse("");
        return command.contains("chrom");
    }

    private static void killAll(List<ProcessHandle> started) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle p : started) {
            all.add(p);
            p.descendants().forEach(all::add);
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return excerpt(line);
    }

    private static String excerpt(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
