package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.Capability;
import dev.tierlab.verify.engine.Browser;
import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser type's parameters and its judgement of what the browser saw (the browser itself: ChromiumBrowserIT). */
class BrowserCheckTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;

    private static BrowserCheck.Params params(List<Map<String, Object>> steps) {
        return Bind.as("browser", Map.of("url", "http://site/", "steps", steps, "ignoreConsole", List.of("analytics")));
    }

    private final BrowserCheck.Params create = params(List.of(
            Map.of("waitFor", "#tickets li"),
            Map.of("type", "#title", "text", "Printer jam"),
            Map.of("click", "#create"),
            Map.of("waitFor", "#tickets", "text", "Printer jam")));

    @Test
    void passesWhenEveryStepIsDoneAndTheConsoleIsClean() {
        Verdict v = BrowserCheck.judge(create, new Browser.Seen(-1, null, "Printer jam\nWiFi down", List.of()), T);
        assertTrue(v.passed(), v.found());
        assertEquals("check.r.browser(http://site/, wait for #tickets with \"Printer jam\")", v.expected());
        assertEquals(15, create.waitSeconds());
        assertEquals(java.util.Set.of(Capability.BROWSER), new BrowserCheck().needs(create));
    }

    @Test
    void aStepThatCannotBeDoneFailsAndNamesTheStep() {
        Verdict v = BrowserCheck.judge(create, new Browser.Seen(0, "no element matches #tickets li after 15 s", null,
                List.of("Access to fetch at 'http://api/tickets' from origin 'http://site' has been blocked by CORS policy")), T);
        assertFalse(v.passed());
        assertTrue(v.found().startsWith("check.r.browserStuck(wait for #tickets li, no element matches #tickets li after 15 s); "
                + "check.r.browserConsole(1, Access to fetch"), v.found());
    }

    @Test
    void aConsoleErrorFailsEvenWhenEveryStepWasDoneUnlessItIsIgnored() {
        Verdict cors = BrowserCheck.judge(create, new Browser.Seen(-1, null, "Printer jam", List.of("blocked by CORS policy")), T);
        assertFalse(cors.passed(), "the user sees a page that works, but the console says it does not: a failure, as for a user");
        assertEquals("check.r.browserConsole(1, blocked by CORS policy)", cors.found());
        assertTrue(BrowserCheck.judge(create, new Browser.Seen(-1, null, "x", List.of("analytics.js 404")), T).passed(),
                "ignored by the author");
        Verdict page = BrowserCheck.judge(create, new Browser.Seen(-1, "net::ERR_CONNECTION_REFUSED", null, List.of()), T);
        assertEquals("check.r.browserStuck(check.r.browserPage, net::ERR_CONNECTION_REFUSED)", page.found(), "the page itself did not open");
    }

    @Test
    void stepsAreOneActionEach() {
        assertTrue(Bind.problem("browser", Map.of("url", "http://x", "steps", List.of(Map.of("click", "#a", "waitFor", "#b"))))
                .toString().contains("several"));
        assertTrue(Bind.problem("browser", Map.of("url", "http://x", "steps", List.of(Map.of("type", "#a")))).toString().contains("text"));
        assertTrue(Bind.problem("browser", Map.of("url", "http://x", "steps", List.of())).toString().contains("1 to 20"));
        assertTrue(Bind.problem("browser", Map.of("url", "http://x", "steps", List.of(Map.of("click", "#a")), "waitSeconds", 0))
                .toString().contains("waitSeconds"));
        assertEquals("type \"hi\" into #t", new Browser.Action(null, "#t", null, "hi").describe());
    }
}
