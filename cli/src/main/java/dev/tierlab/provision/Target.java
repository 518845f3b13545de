package dev.tierlab.provision;

import dev.tierlab.verify.Capability;
import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Where tierlab deploys and checks: the sandbox, another AWS-compatible endpoint, an emulator in a
 * container, or AWS itself. A target says what it really does ({@link Capability}); a check that
 * needs something the target lacks is reported as not verifiable there, never as passed.
 *
 * @param kind         sandbox, endpoint, localstack, floci or aws
 * @param endpoint     the emulator's URL; null for AWS
 * @param region       the region clients use
 * @param credentials  how clients sign requests (emulators accept fixed placeholder keys)
 * @param capabilities what the target enforces or runs, see {@link Capability}
 */
public record Target(TargetKind kind, URI endpoint, Region region, AwsCredentialsProvider credentials, Set<Capability> capabilities) {
    /** Emulators answer in this region and accept these placeholder keys (they are not secrets). */
    public static final Region EMULATOR_REGION = Region.US_EAST_1;
    public static final String EMULATOR_KEY = "test";

    private static final Pattern DISTRIBUTION_URL = Pattern.compile("(https?)://([a-z0-9]+\\.cloudfront\\.net)(/.*)?");
    private static final Pattern S3_URL = Pattern.compile("https://([a-z0-9][a-z0-9.-]*[a-z0-9])\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com(/.*)?");
    private static final Pattern API_URL = Pattern.compile("https://([a-z0-9]+)\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?(/.*)?");

    /** An emulator at {@code endpoint} with placeholder credentials. */
    public static Target emulator(TargetKind kind, URI endpoint, Set<Capability> capabilities) {
        return new Target(kind, endpoint, EMULATOR_REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(EMULATOR_KEY, EMULATOR_KEY)), capabilities);
    }

    /** The word the user types for this target, as messages show it. */
    public String name() {
        return kind.id();
    }

    /**
     * The port of the target's own endpoint: what an emulator's CloudFront dials for an origin at
     * 127.0.0.1; 443 on AWS. For an emulator in a container this is the port mapped on this machine, not
     * the one inside the container; those targets lack {@code cloudfront.serve}, so no check relies on it.
     */
    public int endpointPort() {
        if (endpoint == null) {
            return 443;
        }
        return endpoint.getPort() >= 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
    }

    public boolean isAws() {
        return endpoint == null;
    }

    /** Points an AWS SDK client builder at this target. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.region(region).credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create());
    }

    /**
     * A URL a template outputs for its API, made reachable on this target: emulators serve
     * {@code https://<id>.execute-api.<region>.amazonaws.com/<stage>} at
     * {@code <endpoint>/_aws/execute-api/<id>/<stage>} (the path style LocalStack and MiniStack share); a
     * CloudFront distribution's {@code http(s)://<id>.cloudfront.net} is served on the emulator's port by
     * its Host header, and becomes the local address of an {@link EdgeForwarder} to it; a bucket's
     * {@code https://<bucket>.s3.<region>.amazonaws.com/<key>} is {@code <endpoint>/<bucket>/<key>}.
     */
    public String reachable(String url) {
        if (endpoint == null || url == null) {
            return url;
        }
        Matcher d = DISTRIBUTION_URL.matcher(url);
        if (d.matches()) {
            EdgeForwarder edge = EdgeForwarder.of(endpoint, d.group(2), d.group(1).equals("https"));
            return edge.address() + (d.group(3) == null ? "" : d.group(3));
        }
        Matcher s3 = S3_URL.matcher(url);
        if (s3.matches()) {
            return endpoint.toString().replaceAll("/+$", "") + "/" + s3.group(1) + (s3.group(2) == null ? "" : s3.group(2));
        }
        Matcher m = API_URL.matcher(url);
        if (!m.matches()) {
            return url;
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        return base + "/_aws/execute-api/" + m.group(1) + (m.group(2) == null ? "" : m.group(2));
    }

}
