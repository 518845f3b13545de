package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.NotVerifiableHere;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * {@code waf}: an AWS WAF (v2) web ACL of the stack read back — its default action, a rate-based rule that
 * blocks above a limit, a rule that blocks the addresses of an IP set. This checks what is configured, not
 * that requests are blocked ({@code waf.enforced}). When the target's answer cannot be read by the AWS SDK,
 * the check says so and is not verifiable there: it never passes on what it could not read.
 */
public final class WafCheck extends BaseCheckType<WafCheck.Params> {
    /**
     * @param webAcl        the logical id of the AWS::WAFv2::WebACL (its Ref is name|id|scope)
     * @param defaultAction ALLOW or BLOCK
     * @param rateLimit     a rate-based rule blocks an address above this many requests per evaluation window
     * @param ipSetRule     whether a rule blocks the addresses of an IP set
     */
    public record Params(@JsonProperty(required = true) String webAcl, String defaultAction, Long rateLimit, Boolean ipSetRule) {
        public Params {
            defaultAction = defaultAction == null ? null : defaultAction.toUpperCase(Locale.ROOT);
            if (defaultAction != null && !defaultAction.equals("ALLOW") && !defaultAction.equals("BLOCK")) {
                throw new IllegalArgumentException("defaultAction is ALLOW or BLOCK, not " + defaultAction);
            }
        }
    }

    public WafCheck() {
        super("waf", Params.class, dev.tierlab.verify.engine.Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String[] ref = context.physical(p.webAcl()).split("\\|");
        if (ref.length != 3) {
            return Verdict.fail(context.texts().get("check.waf.expected", p.webAcl()),
                    context.texts().get("check.waf.badRef", p.webAcl(), String.join("|", ref)));
        }
        WebACL acl;
        try {
            acl = context.aws().wafv2().getWebACL(b -> b.name(ref[0]).id(ref[1]).scope(Scope.fromValue(ref[2]))).webACL();
        } catch (SdkClientException e) {
            if (unreachable(e)) {
                throw e; // the target did not answer: a failure, reported as such
            }
            // an answer the SDK cannot read (an emulator's): what the web ACL holds stays unknown here
            throw new NotVerifiableHere(context.texts().get("check.waf.unreadable", p.webAcl(), String.valueOf(e.getMessage())));
        }
        return judge(p, acl, context.texts());
    }

    static Verdict judge(Params p, WebACL acl, Texts t) {
        if (acl == null) {
            return Verdict.fail(t.get("check.waf.expected", p.webAcl()), t.get("check.r.missing", p.webAcl()));
        }
        Expectations e = new Expectations(t);
        String action = acl.defaultAction() == null ? null : acl.defaultAction().block() != null ? "BLOCK"
                : acl.defaultAction().allow() != null ? "ALLOW" : null;
        e.expect(p.webAcl(), "defaultAction", p.defaultAction(), action);
        if (p.rateLimit() != null) {
            Long limit = acl.rules().stream().filter(WafCheck::blocks)
                    .filter(r -> r.statement() != null && r.statement().rateBasedStatement() != null)
                    .map(r -> r.statement().rateBasedStatement().limit()).findFirst().orElse(null);
            e.expect(p.webAcl(), "blocking rateBasedRule.limit", p.rateLimit(), limit);
        }
        if (p.ipSetRule() != null) {
            boolean has = acl.rules().stream().filter(WafCheck::blocks)
                    .anyMatch(r -> r.statement() != null && r.statement().ipSetReferenceStatement() != null);
            e.expect(p.webAcl(), "ipSetRule", p.ipSetRule(), has);
        }
        return e.verdict(p.webAcl());
    }

    /** Whether the request never got an answer (connection refused, reset, timed out, unknown host). */
    static boolean unreachable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.SocketException || c instanceof java.net.SocketTimeoutException
                    || c instanceof java.net.UnknownHostException || c instanceof java.net.http.HttpTimeoutException
                    || c instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean blocks(Rule r) {
        return r.action() != null && r.action().block() != null;
    }
}
