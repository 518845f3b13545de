package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Parameters;
import dev.tierlab.verify.engine.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http type's matching: status, headers, JSONPath values (Jayway: the whole syntax), captures. */
class HttpCheckTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;

    private static HttpCheck.Response json(int status, String body) {
        return new HttpCheck.Response(status, Map.of("content-type", "application/json", "Access-Control-Allow-Origin", "*"), body);
    }

    @Test
    void statusHeadersAndJsonValues() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "http://x/tickets", "method", "post", "expectStatus", 201,
                "expectHeaders", Map.of("access-control-allow-origin", "*"),
                "expectJson", Map.of("$.title", "Printer on fire", "$.id", "*", "$.count", 2)));
        assertEquals("POST", p.method());
        Map<String, String> vars = new HashMap<>();
        assertTrue(HttpCheck.judge(p, json(201, "{\"id\":\"T-1\",\"title\":\"Printer on fire\",\"count\":2}"), vars, T).passed());
        assertEquals("check.r.got(500, boom)", HttpCheck.judge(p, json(500, "boom"), vars, T).found());
        Verdict wrongTitle = HttpCheck.judge(p, json(201, "{\"id\":\"T-1\",\"title\":\"x\",\"count\":2}"), vars, T);
        assertEquals("check.r.json($.title, x)", wrongTitle.found());
        Verdict noId = HttpCheck.judge(p, json(201, "{\"title\":\"Printer on fire\",\"count\":2}"), vars, T);
        assertEquals("check.r.json($.id, check.r.none)", noId.found(), "* needs the value to be there");
        Verdict noHeader = HttpCheck.judge(p, new HttpCheck.Response(201, Map.of(), "{}"), vars, T);
        assertFalse(noHeader.passed());
        assertEquals("check.r.notJson(nope)", HttpCheck.judge(p, json(201, "nope"), vars, T).found());
    }

    @Test
    void aHeaderValueContainsTheExpectedTextIgnoringCase() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "http://x", "expectHeaders", Map.of("Access-Control-Allow-Headers", "Content-Type")));
        java.util.function.Function<String, Boolean> with = v -> HttpCheck.judge(p,
                new HttpCheck.Response(200, Map.of("access-control-allow-headers", v), "{}"), new HashMap<>(), T).passed();
        assertTrue(with.apply("content-type,x-api-key"));
        assertTrue(with.apply("X-Api-Key, Content-Type"));
        assertFalse(with.apply("x-api-key"));
    }

    @Test
    void jsonPathBeyondTheSimpleSubset() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "http://x", "expectJsonArray", true,
                "expectJson", Map.of("$[1].id", "b", "$[?(@.status == 'OPEN')].id", "[\"a\"]", "$.length()", 2)));
        assertTrue(HttpCheck.judge(p, json(200, "[{\"id\":\"a\",\"status\":\"OPEN\"},{\"id\":\"b\",\"status\":\"DONE\"}]"), new HashMap<>(), T).passed());
        assertFalse(HttpCheck.judge(p, json(200, "{\"id\":\"a\"}"), new HashMap<>(), T).passed(), "not an array");
    }

    @Test
    void capturesOnlyWhenEverythingHolds() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "http://x", "expectStatus", 201, "capture", Map.of("ticketId", "$.id")));
        Map<String, String> vars = new HashMap<>();
        assertFalse(HttpCheck.judge(p, json(201, "{\"title\":\"no id\"}"), vars, T).passed());
        assertEquals(Map.of(), vars);
        assertTrue(HttpCheck.judge(p, json(201, "{\"id\":\"T-9\"}"), vars, T).passed());
        assertEquals(Map.of("ticketId", "T-9"), vars);
        assertEquals(java.util.Set.of("ticketId"), new HttpCheck().captures(p));
    }

    @Test
    void repeatStopsAtTheFirstAnswerThatMeetsTheExpectations() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "u", "repeat", 10, "expectStatus", 429));
        int[] sent = {0};
        java.util.function.Supplier<Verdict> throttledOnTheThird = () -> {
            sent[0]++;
            return HttpCheck.judge(p, json(sent[0] < 3 ? 200 : 429, "{}"), new HashMap<>(), T);
        };
        Verdict v = HttpCheck.repeated(p, T, throttledOnTheThird);
        assertTrue(v.passed(), v.toString());
        assertEquals(3, sent[0], "no request after the first 429");
        assertTrue(v.found().startsWith("check.r.afterRequests(3, "), v.found());

        sent[0] = 0;
        Verdict never = HttpCheck.repeated(p, T, () -> {
            sent[0]++;
            return HttpCheck.judge(p, json(200, "{}"), new HashMap<>(), T);
        });
        assertFalse(never.passed());
        assertEquals(10, sent[0], "the burst is bounded");

        sent[0] = 0;
        HttpCheck.Params once = Bind.as("http", Map.of("url", "u", "expectStatus", 429));
        assertFalse(HttpCheck.repeated(once, T, () -> {
            sent[0]++;
            return HttpCheck.judge(once, json(200, "{}"), new HashMap<>(), T);
        }).passed());
        assertEquals(1, sent[0], "one request unless repeat says more");
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "repeat", 31)).kind(), "at most 30");
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "repeat", 0)).kind());
    }

    @Test
    void aBurstPassesWhenOneOfItsAnswersMeetsTheExpectations() {
        HttpCheck.Params p = Bind.as("http", Map.of("url", "u", "burst", 3, "expectStatus", 429));
        Verdict ok = HttpCheck.judge(p, json(200, "{}"), new HashMap<>(), T);
        Verdict throttled = HttpCheck.judge(p, json(429, "{\"message\":\"Too Many Requests\"}"), new HashMap<>(), T);
        Verdict v = HttpCheck.burst(p, T, List.of(ok, throttled, throttled));
        assertTrue(v.passed());
        assertTrue(v.found().startsWith("check.r.burstAnswers(2, 3, "), v.found());
        assertFalse(HttpCheck.burst(p, T, List.of(ok, ok, ok)).passed(), "no answer was a 429");
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "burst", 1)).kind(), "a burst is 2 or more");
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "burst", 31)).kind());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "burst", 5, "repeat", 5)).kind());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "burst", 5, "capture", Map.of("id", "$.id"))).kind());
    }

    @Test
    void binding() {
        assertEquals("url", Bind.problem("http", Map.of("method", "GET")).name());
        Parameters.Problem badPath = Bind.problem("http", Map.of("url", "u", "expectJson", Map.of("$[?(", "x")));
        assertEquals(Parameters.Kind.INVALID, badPath.kind(), "a JSONPath that does not compile is found at load");
        HttpCheck.Params body = Bind.as("http", Map.of("url", "u", "body", Map.of("title", "t"), "headers", Map.of("X-A", "1")));
        assertEquals("{\"title\":\"t\"}", body.body().toString());
        assertEquals(List.of(), List.copyOf(body.capture().keySet()));
        assertEquals("execute-api", ((HttpCheck.Params) Bind.as("http", Map.of("url", "u", "sign", "execute-api"))).sign());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("http", Map.of("url", "u", "sign", "Execute API")).kind(),
                "sign names a service");
    }
}
