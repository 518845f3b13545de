package dev.tierlab.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * What a deleted stack may have left behind, found by name: tierlab's templates name what they create
 * after the stack ({@code ${AWS::StackName}-tickets}, {@code ${AWS::StackName}-users},
 * {@code /aws/lambda/${AWS::StackName}-...}), so after a destroy nothing of those names may remain — a
 * resource kept by {@code DeletionPolicy: Retain}, one an emulator forgot to delete, a user pool (with
 * the test users a {@code cognito-user} check made), an API key or usage plan, a regional web ACL or IP
 * set, a bucket, a CloudFront distribution (by its comment), origin access control, cache policy or function. A
 * service the target does not offer lists nothing.
 */
final class Leftovers {
    private final AwsClients aws;

    Leftovers(AwsClients aws) {
        this.aws = aws;
    }

    /** Everything named after {@code stack} that is still there, each as "kind name". */
    List<String> of(String stack) {
        List<String> left = new ArrayList<>();
        collect(left, "user pool", () -> aws.cognito().listUserPoolsPaginator(b -> b.maxResults(60)).userPools().stream()
                .map(p -> p.name()).filter(n -> named(n, stack)).toList());
        collect(left, "REST API", () -> aws.apiGateway().getRestApisPaginator(b -> { }).items().stream()
                .map(a -> a.name()).filter(n -> named(n, stack)).toList());
        collect(left, "API key", () -> aws.apiGateway().getApiKeysPaginator(b -> b.includeValues(false)).items().stream()
                .map(k -> k.name()).filter(n -> named(n, stack)).toList());
        collect(left, "usage plan", () -> aws.apiGateway().getUsagePlansPaginator(b -> { }).items().stream()
                .map(u -> u.name()).filter(n -> named(n, stack)).toList());
        collect(left, "web ACL", () -> pages(marker -> {
            var page = aws.wafv2().listWebACLs(b -> b.scope(Scope.REGIONAL).limit(100).nextMarker(marker));
            return new Page(page.webACLs().stream().map(w -> w.name()).toList(), page.nextMarker());
        }).stream().filter(n -> named(n, stack)).toList());
        collect(left, "IP set", () -> pages(marker -> {
            var page = aws.wafv2().listIPSets(b -> b.scope(Scope.REGIONAL).limit(100).nextMarker(marker));
            return new Page(page.ipSets().stream().map(i -> i.name()).toList(), page.nextMarker());
        }).stream().filter(n -> named(n, stack)).toList());
        collect(left, "bucket", () -> aws.s3().listBuckets().buckets().stream()
                .map(b -> b.name()).filter(n -> named(n, stack)).toList());
        // distributions have no name: tierlab's templates start their comment with the stack's name
        collect(left, "distribution", () -> aws.cloudFront().listDistributionsPaginator(b -> { }).stream()
                .flatMap(page -> page.distributionList().items().stream())
                .filter(d -> d.comment() != null && (d.comment().equals(stack) || d.comment().startsWith(stack + " ")))
                .map(d -> d.id()).toList());
        collect(left, "origin access control", () -> aws.cloudFront().listOriginAccessControls(b -> { }).originAccessControlList()
                .items().stream().map(o -> o.name()).filter(n -> named(n, stack)).toList());
        collect(left, "cache policy", () -> aws.cloudFront().listCachePolicies(b -> b.type(CachePolicyType.CUSTOM)).cachePolicyList()
                .items().stream().map(c -> c.cachePolicy().cachePolicyConfig().name()).filter(n -> named(n, stack)).toList());
        collect(left, "CloudFront function", () -> aws.cloudFront().listFunctions(b -> { }).functionList()
                .items().stream().map(f -> f.name()).filter(n -> named(n, stack)).toList());
        collect(left, "function", () -> aws.lambda().listFunctionsPaginator(b -> { }).functions().stream()
                .map(f -> f.functionName()).filter(n -> named(n, stack)).toList());
        collect(left, "table", () -> aws.dynamoDb().listTablesPaginator(b -> { }).tableNames().stream()
                .filter(n -> named(n, stack)).toList());
        collect(left, "log group", () -> aws.logs().describeLogGroupsPaginator(b -> b.logGroupNamePrefix("/aws/lambda/" + stack))
                .logGroups().stream().map(g -> g.logGroupName()).toList());
        return left;
    }

    /** One page of a WAF list (WAF's SDK has no paginators): its names and the marker of the next page. */
    private record Page(List<String> names, String next) {
    }

    /** Every name of a WAF list, page after page (at most 50 pages). */
    private static List<String> pages(java.util.function.Function<String, Page> list) {
        List<String> names = new ArrayList<>();
        String marker = null;
        for (int i = 0; i < 50; i++) {
            Page page = list.apply(marker);
            names.addAll(page.names());
            marker = page.next();
            if (marker == null || marker.isBlank() || page.names().isEmpty()) {
                break;
            }
        }
        return names;
    }

    private static boolean named(String name, String stack) {
        return name != null && (name.equals(stack) || name.startsWith(stack + "-"));
    }

    private static void collect(List<String> left, String kind, Supplier<List<String>> names) {
        try {
            names.get().forEach(n -> left.add(kind + " " + n));
        } catch (SdkException e) {
            // the target has no such service (or may not list it): nothing of that kind can be left there
        }
    }
}
