package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.JsonPaths;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@code http}: a request to the deployed application (usually {@code ${outputs.ApiUrl}/...})
 * answers with a status, headers and JSON values ({@code expectJson}: JSONPath → value, {@code *} for
 * any); {@code capture} keeps values (JSONPath) for later checks as {@code ${vars.name}}.
 */
public final class HttpCheck extends BaseCheckType<HttpCheck.Params> {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_REPEAT = 30;

    /**
     * @param body sent as it is when a string, else as JSON (Content-Type application/json unless a header sets it)
     * @param sign an AWS service name (e.g. {@code execute-api}): the request is signed with the target's
     *             credentials (SigV4), as a caller of an {@code AWS_IAM} method signs it
     * @param repeat at most this many requests (1 to 30, default 1), one after the other, stopping at the
     *               first answer that meets the expectations: a bounded burst that ends by itself, for a
     *               quota that runs out (429 Limit Exceeded)
     * @param burst  this many requests at once (2 to 30), as a client that floods the API sends them: one of
     *               the answers must meet the expectations (a throttle's 429 Too Many Requests)
     */
    public record Params(String method, @JsonProperty(required = true) String url, Integer expectStatus,
                         Map<String, String> headers, JsonNode body, Map<String, String> expectHeaders,
                         Map<String, JsonNode> expectJson, Boolean expectJsonArray, Map<String, String> capture,
                         String sign, Integer repeat, Integer burst) {
        public Params {
            repeat = repeat == null ? 1 : repeat;
            if (repeat < 1 || repeat > MAX_REPEAT) {
                throw new IllegalArgumentException("repeat is 1 to " + MAX_REPEAT + " requests, not " + repeat);
            }
            if (burst != null && (burst < 2 || burst > MAX_REPEAT)) {
                throw new IllegalArgumentException("burst is 2 to " + MAX_REPEAT + " requests at once, not " + burst);
            }
            if (burst != null && capture != null && !capture.isEmpty()) {
                throw new IllegalArgumentException("a burst captures nothing: its answers come in any order");
            }
            if (burst != null && repeat > 1) {
                throw new IllegalArgumentException("give repeat (one after the other) or burst (at once), not both");
            }
            if (sign != null && !sign.matches("[a-z0-9-]{2,32}")) {
                throw new IllegalArgumentException("sign names the AWS service to sign for, e.g. execute-api, not " + sign);
            }
            method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
            expectStatus = expectStatus == null ? 200 : expectStatus;
            headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
            expectHeaders = expectHeaders == null ? Map.of() : new LinkedHashMap<>(expectHeaders);
            expectJson = expectJson == null ? Map.of() : new LinkedHashMap<>(expectJson);
            expectJsonArray = Boolean.TRUE.equals(expectJsonArray);
            capture = capture == null ? Map.of() : new LinkedHashMap<>(capture);
            expectJson.keySet().forEach(JsonPaths::requireValid);
            capture.values().forEach(JsonPaths::requireValid);
        }

        boolean needsJson() {
            return !expectJson.isEmpty() || expectJsonArray || !capture.isEmpty();
        }
    }

    /** What came back. */
    record Response(int status, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
        }
    }

    @Override
    public Set<String> captures(Params params) {
        return params.capture().keySet();
    }

    public HttpCheck() {
        super("http", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        if (p.burst() == null) {
            return repeated(p, context.texts(), () -> once(p, context));
        }
        ExecutorService senders = Executors.newFixedThreadPool(p.burst());
        try {
            List<Future<Verdict>> sent = new ArrayList<>();
            for (int i = 0; i < p.burst(); i++) {
                sent.add(senders.submit(() -> once(p, context)));
            }
            List<Verdict> answers = new ArrayList<>();
            for (Future<Verdict> f : sent) {
                answers.add(f.get());
            }
            return burst(p, context.texts(), answers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            senders.shutdownNow();
        }
    }

    /** The answers to a burst: it passes when one of them meets the expectations. */
    static Verdict burst(Params p, Texts t, List<Verdict> answers) {
        long met = answers.stream().filter(Verdict::passed).count();
        Verdict shown = answers.stream().filter(Verdict::passed).findFirst().orElse(answers.get(answers.size() - 1));
        return new Verdict(met > 0, t.get("check.r.inBurst", shown.expected(), answers.size()),
                t.get("check.r.burstAnswers", met, answers.size(), shown.found()));
    }

    /** Up to {@code repeat} requests, one after the other: the first that meets the expectations ends them. */
    static Verdict repeated(Params p, Texts t, Supplier<Verdict> request) {
        Verdict last = request.get();
        int sent = 1;
        while (!last.passed() && sent < p.repeat()) {
            last = request.get();
            sent++;
        }
        return p.repeat() == 1 ? last : new Verdict(last.passed(), t.get("check.r.withinRequests", last.expected(), p.repeat()),
                t.get("check.r.afterRequests", sent, last.found()));
    }

    private Verdict once(Params p, CheckContext context) {
        Texts t = context.texts();
        String exp = t.get("check.r.http", p.method(), p.url(), p.expectStatus());
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(p.url())).timeout(Duration.ofSeconds(30));
            Map<String, String> headers = new LinkedHashMap<>(p.headers());
            String text = p.body() == null || p.body().isNull() ? null : p.body().isTextual() ? p.body().textValue() : JSON.writeValueAsString(p.body());
            request.method(p.method(), text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                headers.put("Content-Type", "application/json");
            }
            if (p.sign() != null) {
                headers.putAll(context.aws().sign(p.method(), URI.create(p.url()), headers,
                        text == null ? null : text.getBytes(java.nio.charset.StandardCharsets.UTF_8), p.sign()));
            }
            headers.forEach(request::header);
            response = context.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return Verdict.fail(exp, t.get("check.r.badUrl", p.url()));
        } catch (IOException e) {
            return Verdict.fail(exp, t.get("check.r.error", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
        return judge(p, new Response(response.statusCode(), headers, response.body()), context.vars(), t);
    }

    /** Judges a response; captured values go into {@code vars} when every expectation holds. */
    static Verdict judge(Params p, Response response, Map<String, String> vars, Texts t) {
        String exp = t.get("check.r.http", p.method(), p.url(), p.expectStatus());
        String excerpt = excerpt(response.body());
        if (response.status() != p.expectStatus()) {
            return Verdict.fail(exp, t.get("check.r.got", response.status(), excerpt));
        }
        for (Map.Entry<String, String> h : p.expectHeaders().entrySet()) {
            String got = response.header(h.getKey()).orElse(null);
            // header values are compared ignoring case: content-type, Content-Type and a list of names alike
            if (got == null || !got.toLowerCase(Locale.ROOT).contains(h.getValue().toLowerCase(Locale.ROOT))) {
                return Verdict.fail(t.get("check.r.is", p.url(), h.getKey(), h.getValue()),
                        t.get("check.r.is", p.url(), h.getKey(), got == null ? t.get("check.r.none") : got));
            }
        }
        JsonNode json = null;
        if (p.needsJson()) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                return Verdict.fail(exp, t.get("check.r.notJson", excerpt));
            }
        }
        if (p.expectJsonArray() && (json == null || !json.isArray())) {
            return Verdict.fail(t.get("check.statusArray", p.expectStatus()), t.get("check.notArray", response.status()) + ": " + excerpt);
        }
        for (Map.Entry<String, JsonNode> f : p.expectJson().entrySet()) {
            String want = JsonPaths.text(f.getValue());
            String got = JsonPaths.text(JsonPaths.read(json, f.getKey()));
            boolean ok = got != null && ("*".equals(want) || want.equals(got));
            if (!ok) {
                return Verdict.fail(t.get("check.r.json", f.getKey(), want), t.get("check.r.json", f.getKey(),
                        got == null ? t.get("check.r.none") : got));
            }
        }
        Map<String, String> captured = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : p.capture().entrySet()) {
            JsonNode node = JsonPaths.read(json, c.getValue());
            if (node == null || node.isNull()) {
                return Verdict.fail(t.get("check.r.json", c.getValue(), "*"), t.get("check.r.json", c.getValue(), t.get("check.r.none")));
            }
            captured.put(c.getKey(), JsonPaths.text(node));
        }
        vars.putAll(captured);
        return Verdict.pass(exp, t.get("check.r.got", response.status(), excerpt));
    }

    static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    /** A request to what is deployed: on the sandbox, the functions behind it run on this machine. */
    @Override
    public Optional<String> labCode(Params params) {
        return Optional.of(params == null ? "" : params.url());
    }
}
