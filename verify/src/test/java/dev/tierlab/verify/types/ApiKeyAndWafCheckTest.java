package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Parameters;
import dev.tierlab.verify.engine.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/** The api-key and waf types: what they accept, capture and report. */
class ApiKeyAndWafCheckTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;
    private static final String SECRET = "k3y-v4lue-0123456789abcdef";

    @Test
    void anApiKeyIsKeptOnlyWhenItIsUsableAndNeverShown() {
        ApiKeyCheck.Params p = Bind.as("api-key", Map.of("key", "PartnerKey", "plan", "PartnerPlan", "capture", "partnerKey"));
        Map<String, String> vars = new HashMap<>();
        Verdict ok = ApiKeyCheck.judge(p, true, true, SECRET, vars, T);
        assertTrue(ok.passed());
        assertEquals(Map.of("partnerKey", SECRET), vars);
        assertFalse(ok.expected().contains(SECRET) || ok.found().contains(SECRET), "the value is a secret");
        assertEquals(Set.of("partnerKey"), new ApiKeyCheck().captures(p));

        vars.clear();
        assertEquals("check.apikey.disabled(PartnerKey)", ApiKeyCheck.judge(p, false, true, SECRET, vars, T).found());
        assertEquals("check.apikey.notInPlan(PartnerKey, PartnerPlan)", ApiKeyCheck.judge(p, true, false, SECRET, vars, T).found());
        assertEquals("check.apikey.noValue(PartnerKey)", ApiKeyCheck.judge(p, true, true, null, vars, T).found());
        assertEquals(Map.of(), vars, "nothing kept from a failed check");

        ApiKeyCheck.Params plain = Bind.as("api-key", Map.of("key", "FreeKey"));
        assertTrue(ApiKeyCheck.judge(plain, true, true, null, vars, T).passed(), "no capture: the value is not asked for");
        assertEquals(Set.of(), new ApiKeyCheck().captures(plain));
        assertEquals(Parameters.Kind.MISSING, Bind.problem("api-key", Map.of("plan", "P")).kind());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("api-key", Map.of("key", "K", "capture", "9 lives")).kind());
    }

    private static Rule rate(long limit, boolean block) {
        return Rule.builder().name("rate").priority(0)
                .statement(s -> s.rateBasedStatement(r -> r.limit(limit).aggregateKeyType("IP")))
                .action(a -> {
                    if (block) {
                        a.block(b -> { });
                    } else {
                        a.count(c -> { });
                    }
                }).build();
    }

    private static final Rule IP_SET = Rule.builder().name("blocked").priority(1)
            .statement(s -> s.ipSetReferenceStatement(i -> i.arn("arn:aws:wafv2:us-east-1:1:regional/ipset/b/1")))
            .action(a -> a.block(b -> { })).build();

    @Test
    void aWebAclIsJudgedByWhatItBlocks() {
        WafCheck.Params p = Bind.as("waf", Map.of("webAcl", "TicketsWebAcl", "defaultAction", "allow", "rateLimit", 100, "ipSetRule", true));
        WebACL acl = WebACL.builder().name("w").defaultAction(d -> d.allow(a -> { })).rules(rate(100, true), IP_SET).build();
        assertTrue(WafCheck.judge(p, acl, T).passed());
        assertEquals("check.r.is(TicketsWebAcl, blocking rateBasedRule.limit, 2000)",
                WafCheck.judge(p, acl.toBuilder().rules(rate(2000, true), IP_SET).build(), T).found());
        assertEquals("check.r.is(TicketsWebAcl, blocking rateBasedRule.limit, check.r.none)",
                WafCheck.judge(p, acl.toBuilder().rules(rate(100, false), IP_SET).build(), T).found(), "a rule that only counts blocks nothing");
        assertEquals("check.r.is(TicketsWebAcl, ipSetRule, false)", WafCheck.judge(p, acl.toBuilder().rules(rate(100, true)).build(), T).found());
        assertEquals("check.r.is(TicketsWebAcl, defaultAction, BLOCK)",
                WafCheck.judge(p, acl.toBuilder().defaultAction(d -> d.block(b -> { })).build(), T).found());
        assertEquals("check.r.missing(TicketsWebAcl)", WafCheck.judge(p, null, T).found());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("waf", Map.of("webAcl", "W", "defaultAction", "COUNT")).kind());
        assertTrue(WafCheck.unreachable(software.amazon.awssdk.core.exception.SdkClientException.create("x", new java.net.ConnectException("refused"))),
                "no answer is a failure, not 'not verifiable'");
        assertFalse(WafCheck.unreachable(software.amazon.awssdk.core.exception.SdkClientException.create("Unable to unmarshall",
                new java.io.IOException("Incorrect padding"))), "an answer the SDK cannot read is not verifiable");
        assertEquals(Parameters.Kind.MISSING, Bind.problem("waf", Map.of("rateLimit", 100)).kind());
    }
}
