package dev.tierlab.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import dev.tierlab.files.Containment;
import dev.tierlab.lab.Lab;
import dev.tierlab.verify.engine.Substitution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/**
 * Publishes a lab's static site ({@code deploy.site}) to the bucket its stack made: every file of the
 * site's folder with its content type, what is no longer in the folder removed, and the configuration
 * script written from the stack's outputs (so the page finds the API the stack deployed, reachable
 * from this machine as checks reach it). Empties the bucket again before the stack is deleted, since
 * CloudFormation cannot delete a bucket that holds objects.
 */
public final class SitePublisher {
    /** At most this much is published: a lab's site is a few small files. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"), Map.entry("woff2", "font/woff2"));

    private final AwsClients aws;

    public SitePublisher(AwsClients aws) {
        this.aws = aws;
    }

    /**
     * What was published: the bucket, how many files, the invalidation of the distribution's cache (null:
     * none), and why CloudFront refused it (null: it did not).
     */
    public record Published(String bucket, int files, String invalidation, String invalidationRefused) {
    }

    /**
     * Publishes {@code site} of {@code workspace} to {@code bucket} (made by {@code stack}).
     *
     * @param outputs the stack's outputs, for the configuration script
     */
    public Published publish(Path workspace, Lab.Site site, String bucket, String stack, Map<String, String> outputs) {
        Path dir = Containment.resolve(workspace, site.dir()).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new WorkspaceFault(ExitCode.NOT_FOUND, "error.site.noDir", site.dir(), workspace);
        }
        Map<String, Path> files = files(dir);
        Map<String, byte[]> generated = new TreeMap<>();
        if (site.config() != null) {
            generated.put(site.config().file(), config(site.config(), stack, outputs));
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            if (!generated.containsKey(f.getKey())) {
                aws.s3().putObject(b -> b.bucket(bucket).key(f.getKey()).contentType(type(f.getKey())), RequestBody.fromFile(f.getValue()));
            }
        }
        generated.forEach((key, body) -> aws.s3().putObject(b -> b.bucket(bucket).key(key).contentType(type(key))
                .cacheControl("no-store"), RequestBody.fromBytes(body)));
        Set<String> keep = new HashSet<>(files.keySet());
        keep.addAll(generated.keySet());
        for (var page : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket))) {
            for (var object : page.contents()) {
                if (!keep.contains(object.key())) {
                    aws.s3().deleteObject(b -> b.bucket(bucket).key(object.key()));
                }
            }
        }
        if (site.distribution() == null) {
            return new Published(bucket, keep.size(), null, null);
        }
        try {
            return new Published(bucket, keep.size(), invalidate(stack, site.distribution()), null);
        } catch (CloudFrontException e) {
            // the files are live; only the edge may serve older copies until their TTL ends: a warning, not a failure
            return new Published(bucket, keep.size(), null, Deployer.message(e));
        }
    }

    /** Removes every object of the site's bucket, when the bucket is still there. */
    public static void empty(AwsClients aws, String bucket) {
        try {
            for (var page : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket))) {
                for (var object : page.contents()) {
                    aws.s3().deleteObject(b -> b.bucket(bucket).key(object.key()));
                }
            }
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            // already gone
        }
    }

    /** The configuration script: {@code window.<global> = {...};} with the outputs filled in. */
    static byte[] config(Lab.SiteConfig config, String stack, Map<String, String> outputs, java.util.function.UnaryOperator<String> reachable) {
        ObjectNode values = JSON.valueToTree(config.values());
        Substitution.Result filled = new Substitution(stack, outputs, Map.of(), reachable).apply(values);
        if (!filled.unresolvedOutputs().isEmpty()) {
            throw new WorkspaceFault(ExitCode.FAILED, "error.site.noOutput", config.file(), filled.unresolvedOutputs().iterator().next(),
                    String.join(", ", outputs.keySet()));
        }
        JsonNode json = filled.params();
        String script = "// Written by tierlab deploy from the stack's outputs; a change here is replaced at the next deploy.\n"
                + "window." + config.global() + " = " + json.toPrettyString() + ";\n";
        return script.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] config(Lab.SiteConfig config, String stack, Map<String, String> outputs) {
        return config(config, stack, outputs, aws::reachable);
    }

    /**
     * Tells the distribution {@code logicalId} of {@code stack} to drop every cached file ({@code /*}), so the
     * files just published are what viewers get at once, whatever the cache policy's TTL.
     *
     * @return the invalidation's id
     */
    String invalidate(String stack, String logicalId) {
        String distribution = physicalId(stack, logicalId, "error.site.noDistribution");
        return aws.cloudFront().createInvalidation(b -> b.distributionId(distribution).invalidationBatch(i -> i
                .callerReference(stack + "-" + System.currentTimeMillis())
                .paths(p -> p.quantity(1).items("/*")))).invalidation().id();
    }

    /** The physical name of the stack's bucket {@code logicalId}. */
    public String bucketOf(String stack, String logicalId) {
        return physicalId(stack, logicalId, "error.site.noBucket");
    }

    private String physicalId(String stack, String logicalId, String missing) {
        return aws.cloudFormation().describeStackResources(b -> b.stackName(stack)).stackResources().stream()
                .filter(r -> r.logicalResourceId().equals(logicalId) && r.physicalResourceId() != null)
                .map(r -> r.physicalResourceId()).findFirst()
                .orElseThrow(() -> new WorkspaceFault(ExitCode.FAILED, missing, logicalId, stack));
    }

    /** The site's files by key (their path in the folder, with /), hidden files and folders left out. */
    static Map<String, Path> files(Path dir) {
        Map<String, Path> files = new TreeMap<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                Path rel = dir.relativize(p);
                boolean hidden = false;
                for (Path part : rel) {
                    hidden |= part.toString().startsWith(".");
                }
                if (hidden || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                bytes += Files.size(p);
                if (files.size() >= MAX_FILES || bytes > MAX_BYTES) {
                    throw new WorkspaceFault(ExitCode.BAD_INPUT, "error.site.tooLarge", dir, MAX_FILES, MAX_BYTES / (1024 * 1024));
                }
                files.put(rel.toString().replace('\\', '/'), p);
            }
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
        return files;
    }

    static String type(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** The files a deploy takes from the site's folder, for the fingerprint of what is deployed. */
    public static List<Path> sources(Path workspace, Lab.Site site) {
        Path dir = workspace.resolve(site.dir()).normalize();
        return Files.isDirectory(dir) ? List.copyOf(files(dir).values()) : List.of();
    }
}
