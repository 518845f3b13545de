package dev.tierlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tierlab.config.Environment;
import dev.tierlab.verify.engine.Browser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system's Chromium, for real, against two local servers: a site on one port and an API on
 * another, so that the page's requests to the API are cross-origin and CORS applies as it does for a
 * learner. Skipped, with the reason, on a machine without Chromium and chromedriver, unless
 * {@code TIERLAB_REQUIRE_BROWSER=1} (as .ci/run sets it, after installing them): then it fails.
 */
class ChromiumBrowserTest {
    private static HttpServer site;
    private static HttpServer api;
    private static ChromiumBrowser browser;

    /** The page: lists what the API answers and adds an item through it, as the presentation lab's site does. */
    private static final String PAGE = """
            <!doctype html><html><head><title>tickets</title></head><body>
            <ul id="tickets"></ul><input id="title"><button id="create">Create</button>
            <script>
            const api = new URLSearchParams(location.search).get('api');
            const list = document.getElementById('tickets');
            async function load() {
              const r = await fetch(api + '/tickets');
              list.innerHTML = '';
              for (const t of await r.json()) { const li = document.createElement('li'); li.textContent = t; list.appendChild(li); }
            }
            document.getElementById('create').onclick = async () => {
              await fetch(api + '/tickets', {method: 'POST', headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({title: document.getElementById('title').value})});
              await load();
            };
            load();
            </script></body></html>
            """;

    private static final List<String> tickets = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("WiFi down"));

    @BeforeAll
    static void servers() throws IOException {
        Optional<Chromium> found = Chromium.find(Environment.system());
        boolean required = "1".equals(System.getenv("TIERLAB_REQUIRE_BROWSER"));
        if (found.isEmpty() && required) {
            throw new AssertionError("TIERLAB_REQUIRE_BROWSER=1 but no chromium with chromedriver is on the PATH");
        }
        assumeTrue(found.isPresent(), "no Chromium with chromedriver on this machine (apt-get install chromium chromium-driver)");
        browser = new ChromiumBrowser(found.get(), "root".equals(System.getProperty("user.name")));
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", x -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(x.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // /cors/... answers browsers from any origin; /plain/... has no CORS headers at all
        api.createContext("/", x -> {
            boolean cors = x.getRequestURI().getPath().startsWith("/cors/");
            if (cors) {
                x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                x.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
                x.getResponseHeaders().add("Access-Control-Allow-Methods", "GET,POST,OPTIONS");
            }
            if (x.getRequestMethod().equals("POST")) {
                String sent = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                tickets.add(sent.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1"));
            }
            byte[] body = x.getRequestMethod().equals("OPTIONS") ? new byte[0]
                    : ("[" + String.join(",", tickets.stream().map(t -> "\"" + t + "\"").toList()) + "]").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                x.getResponseBody().write(body);
            }
            x.close();
        });
        site.start();
        api.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stop(0);
            api.stop(0);
        }
    }

    private static String page(String apiPath) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/?api=http://127.0.0.1:" + api.getAddress().getPort() + apiPath;
    }

    private static final List<Browser.Action> CREATE = List.of(
            new Browser.Action(null, null, "#tickets li", null),
            new Browser.Action(null, "#title", null, "Printer jam"),
            new Browser.Action("#create", null, null, null),
            new Browser.Action(null, null, "#tickets", "Printer jam"));

    @Test
    void aPageThatUsesAnApiWithCorsWorksStepByStep() {
        Browser.Seen seen = browser.visit(new Browser.Visit(page("/cors"), CREATE, Duration.ofSeconds(10)));
        assertTrue(seen.completed(), seen.failure());
        assertEquals(List.of(), seen.consoleErrors());
        assertNotNull(seen.lastText());
        assertTrue(seen.lastText().contains("Printer jam") && seen.lastText().contains("WiFi down"), seen.lastText());
    }

    @Test
    void withoutCorsHeadersTheBrowserRefusesAndTheConsoleSaysSo() {
        Browser.Seen seen = browser.visit(new Browser.Visit(page("/plain"), CREATE.subList(0, 1), Duration.ofSeconds(3)));
        assertFalse(seen.completed(), "the list never renders: the browser did not give the page the API's answer");
        assertEquals(0, seen.failedStep());
        assertTrue(seen.consoleErrors().stream().anyMatch(e -> e.contains("CORS")), "CORS named in the console: " + seen.consoleErrors());
    }

    @Test
    void noChromiumProcessOutlivesAVisitThatPassedFailedOrCouldNotStart() throws Exception {
        List<String> before = living();
        browser.visit(new Browser.Visit(page("/cors"), CREATE.subList(0, 1), Duration.ofSeconds(5)));
        browser.visit(new Browser.Visit(page("/plain"), List.of(new Browser.Action(null, null, "#never", null)), Duration.ofSeconds(1)));
        browser.visit(new Browser.Visit("http://127.0.0.1:1/", List.of(new Browser.Action("#x", null, null, null)), Duration.ofSeconds(1)));
        List<String> after = new java.util.ArrayList<>(living());
        after.removeAll(before);
        assertEquals(List.of(), after, "every browser and driver process ended");
    }

    /** Chromium and chromedriver processes that run (zombies are not running: their parent reaps them). */
    static List<String> living() throws Exception {
        Thread.sleep(300);
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().toLowerCase(Locale.ROOT))
                        .filter(c -> c.contains("chrom")).isPresent())
                .filter(p -> !zombie(p))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    private static boolean zombie(ProcessHandle p) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // gone
        }
    }
}
