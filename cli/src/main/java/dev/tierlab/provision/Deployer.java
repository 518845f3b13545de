package dev.tierlab.provision;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import dev.tierlab.files.Containment;
import dev.tierlab.lab.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Replacement;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Deploys a workspace with CloudFormation: the deployment zips go to a tagged artifacts bucket under
 * content-derived keys (so new code is a change and the same code is not), a change set is created
 * and shown as a plan, executed, and its stack events are followed until the stack settles; the
 * outputs are saved in the workspace. Also destroys one workspace's stack, or everything tierlab
 * tagged on a target, and scans a target for what is left.
 */
public final class Deployer {
    public static final String TAG_MANAGED = "tierlab:managed";
    public static final String TAG_LAB = "tierlab:lab";
    public static final String TAG_OWNER = "tierlab:owner";
    public static final String TAG_WORKSPACE = "tierlab:workspace";
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(60);

    private final AwsClients aws;
    private final Listener listener;
    private final Duration poll;

    /** What a deploy or destroy tells the person watching it. */
    public interface Listener {
        /** A progress line: a message key ({@code deploy.*}) and its arguments. */
        void progress(String key, Object... args);

        /** The plan is ready; answer whether to execute it. */
        boolean confirm(Plan plan);

        /** A new stack event, in the order they happened. */
        void event(StackEvent event);
    }

    /** One resource change of a change set; {@code replacement} is null except for modifications. */
    public record Change(ChangeAction action, String logicalId, String type, Replacement replacement) {
    }

    /** What a change set will do, and where. */
    public record Plan(TargetKind target, String account, String region, String stack, boolean create, List<Change> changes) {
    }

    public enum Outcome { DEPLOYED, NO_CHANGES, DECLINED }

    public record Result(Outcome outcome, DeployState state, Plan plan) {
    }

    public Deployer(AwsClients aws, Listener listener) {
        this.aws = aws;
        this.listener = listener;
        this.poll = aws.target().isAws() ? Duration.ofSeconds(3) : Duration.ofMillis(200);
    }

    /** The stack name for a workspace: the lab and a short hash of the folder, so two workspaces never share one. */
    public static String stackName(String lab, Path workspace) {
        return "tierlab-" + lab + "-" + workspaceHash(workspace);
    }

    static String workspaceHash(Path workspace) {
        return sha256(workspace.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }

    /**
     * Deploys {@code workspace} as {@code spec} says. {@code packager} turns a project folder into its
     * deployment zip (building it first when stale).
     */
    public Result deploy(String lab, Path workspace, Lab.Deploy spec, Function<Path, Path> packager) {
        Target target = aws.target();
        Optional<DeployState> previous = DeployState.read(workspace).filter(s -> s.target() == target.kind());
        String stack = previous.map(DeployState::stack).orElse(stackName(lab, workspace));
        Path template = Containment.resolve(workspace, spec.template()).orElse(null);
        if (template == null || !Files.isRegularFile(template)) {
            throw new WorkspaceFault(ExitCode.NOT_FOUND, "error.deploy.noTemplate", spec.template(), workspace);
        }
        String sources = DeployedSources.of(workspace, spec);
        Map<String, Path> zips = new LinkedHashMap<>();
        spec.packages().forEach((parameter, project) -> zips.put(parameter, packager.apply(workspace.resolve(project).normalize())));

        String account = aws.sts().getCallerIdentity().account();
        String region = target.region().id();
        String bucket = ensureBucket(account, region);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (spec.bucketParameter() != null) {
            parameters.put(spec.bucketParameter(), bucket);
        }
        if (spec.targetParameter() != null) {
            parameters.put(spec.targetParameter(), target.kind().id());
        }
        if (spec.endpointPortParameter() != null) {
            parameters.put(spec.endpointPortParameter(), String.valueOf(target.endpointPort()));
        }
        List<String> artifacts = new ArrayList<>();
        for (Map.Entry<String, Path> zip : zips.entrySet()) {
            String key = upload(bucket, stack, zip.getValue());
            parameters.put(zip.getKey(), key);
            artifacts.add(key);
        }
        DeployState state = new DeployState(target.kind(), target.endpoint() == null ? null : target.endpoint().toString(), region,
                account, stack, bucket, artifacts, previous.map(DeployState::outputs).orElse(Map.of()),
                previous.map(DeployState::deployedAt).orElse(null), null, previous.map(DeployState::sources).orElse(null),
                previous.map(DeployState::site).orElse(null));
        state.write(workspace); // from here on, destroy knows what to clean up, whatever happens next

        CloudFormationClient cfn = aws.cloudFormation();
        Optional<Stack> existing = settle(stack);
        if (existing.isPresent() && existing.get().stackStatus() == StackStatus.ROLLBACK_COMPLETE) {
            // a stack whose creation failed cannot be updated on AWS: it is removed and created again
            listener.progress("deploy.recreate", stack);
            deleteStack(stack);
            existing = Optional.empty();
        }
        boolean create = existing.isEmpty() || existing.get().stackStatus() == StackStatus.REVIEW_IN_PROGRESS;
        String changeSet = "tierlab-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        listener.progress("deploy.changeSet", stack);
        String body = readTemplate(template);
        try {
            cfn.createChangeSet(b -> b.stackName(stack).changeSetName(changeSet)
                    .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                    .templateBody(body)
                    .parameters(parameters.entrySet().stream()
                            .map(p -> Parameter.builder().parameterKey(p.getKey()).parameterValue(p.getValue()).build()).toList())
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM, Capability.CAPABILITY_AUTO_EXPAND)
                    .tags(tags(lab, workspace)));
        } catch (CloudFormationException e) {
            throw new WorkspaceFault(ExitCode.FAILED, e, "error.deploy.rejected", spec.template(), message(e));
        }
        DescribeChangeSetResponse described = waitForChangeSet(stack, changeSet);
        if (described.status() == ChangeSetStatus.FAILED) {
            String reason = String.valueOf(described.statusReason());
            cfn.deleteChangeSet(b -> b.stackName(stack).changeSetName(changeSet));
            if (reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")) {
                if (previous.map(DeployState::pending).filter(p -> "deploy".equals(p.operation())).isPresent()) {
                    redeployStages(stack); // the last deploy stopped after its update, maybe before its stages
                }
                DeployState same = publish(workspace, spec, state.withOutputs(outputs(stack))).withSources(sources);
                same.write(workspace);
                return new Result(Outcome.NO_CHANGES, same, null);
            }
            throw new WorkspaceFault(ExitCode.FAILED, "error.deploy.rejected", spec.template(), reason);
        }
        Plan plan = new Plan(target.kind(), account, region, stack, create, described.changes().stream()
                .map(c -> c.resourceChange())
                .map(r -> new Change(r.action(), r.logicalResourceId(), r.resourceType(), r.replacement()))
                .toList());
        // declined, cancelled or interrupted (Ctrl-C ends the JVM while it asks): the change set goes, and
        // with it the empty REVIEW_IN_PROGRESS stack a create change set leaves
        Runnable withdraw = () -> {
            cfn.deleteChangeSet(b -> b.stackName(stack).changeSetName(changeSet));
            if (create) {
                deleteStack(stack);
            }
        };
        Thread interrupted = new Thread(() -> {
            listener.progress("deploy.interrupted", stack);
            try {
                withdraw.run();
            } catch (RuntimeException e) {
                listener.progress("deploy.interruptedLeft", stack);
            }
        }, "tierlab-deploy-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        boolean confirmed;
        try {
            confirmed = listener.confirm(plan);
        } catch (RuntimeException e) {
            withdraw.run();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is ending: the hook runs
            }
        }
        if (!confirmed) {
            withdraw.run();
            return new Result(Outcome.DECLINED, state, plan);
        }
        Set<String> seen = eventIds(stack);
        state.withPending(new DeployState.Pending("deploy", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).write(workspace);
        cfn.executeChangeSet(b -> b.stackName(stack).changeSetName(changeSet));
        Stack settled = follow(stack, seen);
        String status = settled.stackStatusAsString(); // as the target wrote it, for the message
        if (StackStates.deployed(settled.stackStatus())) {
            if (StageRedeployment.needed(plan)) {
                redeployStages(stack); // a failure leaves the deploy pending: the next one deploys the stages again
            }
            DeployState done = publish(workspace, spec, state.withOutputs(outputs(stack))).deployedNow(sources);
            done.write(workspace);
            return new Result(Outcome.DEPLOYED, done, plan);
        }
        state.write(workspace);
        StackEvent failed = firstFailure(stack, seen);
        throw new WorkspaceFault(ExitCode.FAILED, "error.deploy.failed", stack, status,
                failed == null ? "?" : failed.logicalResourceId(), failed == null ? "?" : failed.resourceType(),
                failed == null ? "?" : String.valueOf(failed.resourceStatusReason()));
    }

    private void redeployStages(String stack) {
        List<String> stages = new StageRedeployment(aws).redeploy(stack);
        if (!stages.isEmpty()) {
            listener.progress("deploy.stagesRedeployed", String.join(", ", stages));
        }
    }

    /** The lab's site, when it has one, published to the bucket the stack made; the state then names that bucket. */
    private DeployState publish(Path workspace, Lab.Deploy spec, DeployState state) {
        if (spec.site() == null) {
            return state;
        }
        SitePublisher publisher = new SitePublisher(aws);
        DeployState withSite = state.withSite(publisher.bucketOf(state.stack(), spec.site().bucket()));
        withSite.write(workspace); // destroy empties the bucket, even when publishing stops half-way
        SitePublisher.Published site = publisher.publish(workspace, spec.site(), withSite.site(), state.stack(), state.outputs());
        listener.progress("deploy.site", site.files(), site.bucket());
        if (site.invalidation() != null) {
            listener.progress("deploy.site.invalidated", site.invalidation());
        } else if (site.invalidationRefused() != null) {
            listener.progress("deploy.site.notInvalidated", site.invalidationRefused());
        }
        return withSite;
    }

    /** Deletes the workspace's stack (its site's bucket emptied first) and its uploaded artifacts; the artifacts bucket too once it is empty. */
    public void destroy(DeployState state) {
        Optional<Stack> stack = settle(state.stack());
        if (stack.isPresent()) {
            if (state.site() != null) {
                listener.progress("destroy.site", state.site());
                SitePublisher.empty(aws, state.site());
            }
            listener.progress("destroy.stack", state.stack());
            deleteStack(state.stack());
        }
        if (state.bucket() != null && bucketExists(state.bucket())) {
            deletePrefix(state.bucket(), state.stack() + "/");
            deleteBucketIfEmpty(state.bucket());
        }
    }

    /** Deletes every stack and bucket of tierlab on the target (see {@link #leaks}); returns what was deleted. */
    public List<String> destroyAll() {
        List<String> removed = new ArrayList<>();
        for (Ours stack : taggedStacks()) {
            listener.progress("destroy.stack", stack.name());
            deleteStack(stack.name());
            removed.add(stack.describe("stack"));
        }
        for (Ours bucket : taggedBuckets()) {
            listener.progress("destroy.bucket", bucket.name());
            deletePrefix(bucket.name(), "");
            aws.s3().deleteBucket(b -> b.bucket(bucket.name()));
            removed.add(bucket.describe("bucket"));
        }
        return removed;
    }

    /** Every stack and bucket of tierlab still on the target: tagged, or untagged and named as tierlab names them. */
    public List<String> leaks() {
        List<String> left = new ArrayList<>();
        taggedStacks().forEach(s -> left.add(s.describe("stack")));
        taggedBuckets().forEach(b -> left.add(b.describe("bucket")));
        return left;
    }

    /**
     * What is left of one deploy after its destroy: its stack, its artifacts in the shared bucket, and
     * resources named after the stack ({@link Leftovers}: user pools with their test users, API keys, ...).
     */
    public List<String> leaksOf(DeployState state) {
        List<String> left = new ArrayList<>();
        if (describe(state.stack()).isPresent()) {
            left.add("stack " + state.stack());
        } else {
            left.addAll(new Leftovers(aws).of(state.stack()));
        }
        if (state.bucket() != null && bucketExists(state.bucket())
                && !aws.s3().listObjectsV2(b -> b.bucket(state.bucket()).prefix(state.stack() + "/").maxKeys(1)).contents().isEmpty()) {
            left.add("objects s3://" + state.bucket() + "/" + state.stack() + "/");
        }
        return left;
    }

    /** How tierlab names its stacks ({@link #stackName}) and its artifacts bucket ({@link #ensureBucket}). */
    static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("tierlab-[a-z0-9-]+-[0-9a-f]{8}");
    static final java.util.regex.Pattern BUCKET_NAME = java.util.regex.Pattern.compile("tierlab-artifacts-[0-9]{12}-[a-z0-9-]+");

    /** A resource tierlab made: tagged, or untagged but named as tierlab names them (tags can be lost, e.g. by an emulator restart). */
    private record Ours(String name, boolean tagged) {
        String describe(String kind) {
            return kind + " " + name + (tagged ? "" : " (untagged, named as tierlab names its " + kind + "s)");
        }
    }

    private List<Ours> taggedStacks() {
        List<Ours> stacks = new ArrayList<>();
        for (Stack s : aws.cloudFormation().describeStacksPaginator(b -> { }).stacks()) {
            boolean tagged = s.tags().stream().anyMatch(t -> t.key().equals(TAG_MANAGED));
            if ((tagged || STACK_NAME.matcher(s.stackName()).matches()) && s.stackStatus() != StackStatus.DELETE_COMPLETE) {
                stacks.add(new Ours(s.stackName(), tagged));
            }
        }
        return stacks;
    }

    private List<Ours> taggedBuckets() {
        List<Ours> buckets = new ArrayList<>();
        for (var bucket : aws.s3().listBuckets().buckets()) {
            boolean tagged;
            try {
                tagged = aws.s3().getBucketTagging(b -> b.bucket(bucket.name())).tagSet().stream()
                        .anyMatch(t -> t.key().equals(TAG_MANAGED));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                tagged = false; // a bucket without tags (NoSuchTagSet) or one we may not read
            }
            if (tagged || BUCKET_NAME.matcher(bucket.name()).matches()) {
                buckets.add(new Ours(bucket.name(), tagged));
            }
        }
        return buckets;
    }

    private List<software.amazon.awssdk.services.cloudformation.model.Tag> tags(String lab, Path workspace) {
        return List.of(tag(TAG_MANAGED, "true"), tag(TAG_LAB, lab), tag(TAG_OWNER, owner()), tag(TAG_WORKSPACE, workspaceHash(workspace)));
    }

    private static software.amazon.awssdk.services.cloudformation.model.Tag tag(String key, String value) {
        return software.amazon.awssdk.services.cloudformation.model.Tag.builder().key(key).value(value).build();
    }

    private static String owner() {
        String user = System.getProperty("user.name", "learner").replaceAll("[^A-Za-z0-9_.:/=+@-]", "_");
        return user.isEmpty() ? "learner" : user;
    }

    /** The artifacts bucket for this account and region, created and tagged on first use. */
    private String ensureBucket(String account, String region) {
        String bucket = "tierlab-artifacts-" + account + "-" + region;
        if (bucketExists(bucket)) {
            return bucket;
        }
        listener.progress("deploy.bucket", bucket);
        aws.s3().createBucket(b -> {
            b.bucket(bucket);
            if (!region.equals("us-east-1")) {
                b.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        });
        aws.s3().putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(
                software.amazon.awssdk.services.s3.model.Tag.builder().key(TAG_MANAGED).value("true").build(),
                software.amazon.awssdk.services.s3.model.Tag.builder().key(TAG_OWNER).value(owner()).build())));
        if (aws.target().isAws()) {
            aws.s3().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)));
        }
        return bucket;
    }

    private boolean bucketExists(String bucket) {
        try {
            aws.s3().headBucket(b -> b.bucket(bucket));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Uploads a zip under {@code <stack>/<sha256>.zip} unless that key is already there. */
    private String upload(String bucket, String stack, Path zip) {
        try {
            byte[] bytes = Files.readAllBytes(zip);
            String key = stack + "/" + sha256(bytes) + ".zip";
            try {
                aws.s3().headObject(b -> b.bucket(bucket).key(key));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                listener.progress("deploy.upload", zip.getFileName(), String.format(java.util.Locale.ROOT, "%.1f MB", bytes.length / 1048576.0));
                aws.s3().putObject(b -> b.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromBytes(bytes));
            }
            return key;
        } catch (IOException e) {
            throw TierlabException.io(zip, e);
        }
    }

    private void deletePrefix(String bucket, String prefix) {
        for (var page : aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            for (var object : page.contents()) {
                aws.s3().deleteObject(b -> b.bucket(bucket).key(object.key()));
            }
        }
    }

    private void deleteBucketIfEmpty(String bucket) {
        if (aws.s3().listObjectsV2(b -> b.bucket(bucket).maxKeys(1)).contents().isEmpty()) {
            aws.s3().deleteBucket(b -> b.bucket(bucket));
        }
    }

    private DescribeChangeSetResponse waitForChangeSet(String stack, String changeSet) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (true) {
            DescribeChangeSetResponse r = aws.cloudFormation().describeChangeSet(b -> b.stackName(stack).changeSetName(changeSet));
            if (StackStates.changeSetSettled(r.status())) {
                return r;
            }
            pause(deadline);
        }
    }

    private static String readTemplate(Path template) {
        try {
            String body = Files.readString(template);
            if (body.getBytes(StandardCharsets.UTF_8).length > 51_200) {
                throw new WorkspaceFault(ExitCode.BAD_INPUT, "error.deploy.templateTooLarge", template);
            }
            return body;
        } catch (IOException e) {
            throw TierlabException.io(template, e);
        }
    }

    /** The stack, after waiting for any operation in progress on it to end; empty when there is none. */
    private Optional<Stack> settle(String stack) {
        Optional<Stack> now = describe(stack);
        if (now.isPresent() && StackStates.inProgress(now.get().stackStatus())) {
            listener.progress("deploy.waiting", stack, now.get().stackStatusAsString());
            return Optional.of(follow(stack, eventIds(stack)));
        }
        return now;
    }

    private Optional<Stack> describe(String stack) {
        try {
            List<Stack> stacks = aws.cloudFormation().describeStacks(b -> b.stackName(stack)).stacks();
            return stacks.stream().filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE).findFirst();
        } catch (CloudFormationException e) {
            if (String.valueOf(e.getMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void deleteStack(String stack) {
        Set<String> seen = eventIds(stack);
        aws.cloudFormation().deleteStack(b -> b.stackName(stack));
        Optional<Stack> left = describe(stack);
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (left.isPresent()) {
            report(stack, seen);
            if (left.get().stackStatus() == StackStatus.DELETE_FAILED) {
                StackEvent failed = firstFailure(stack, seen);
                throw new TierlabException(ExitCode.FAILED, "error.destroy.failed", stack,
                        failed == null ? "?" : failed.logicalResourceId(), failed == null ? "?" : String.valueOf(failed.resourceStatusReason()));
            }
            pause(deadline);
            left = describe(stack);
        }
    }

    /** Follows a stack's new events until it leaves every IN_PROGRESS state, and returns it. */
    private Stack follow(String stack, Set<String> seen) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (true) {
            Optional<Stack> now = describe(stack);
            report(stack, seen);
            if (now.isEmpty()) {
                throw new TierlabException(ExitCode.FAILED, "error.deploy.vanished", stack);
            }
            if (!StackStates.inProgress(now.get().stackStatus())) {
                return now.get();
            }
            pause(deadline);
        }
    }

    private void pause(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new TierlabException(ExitCode.FAILED, "error.deploy.tooLong", LONGEST_WAIT.toMinutes());
        }
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierlabException(ExitCode.CANCELLED, e, "error.deploy.interrupted");
        }
    }

    private List<StackEvent> events(String stack) {
        try {
            return aws.cloudFormation().describeStackEvents(b -> b.stackName(stack)).stackEvents();
        } catch (CloudFormationException e) {
            return List.of();
        }
    }

    private Set<String> eventIds(String stack) {
        Set<String> ids = new HashSet<>();
        events(stack).forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    private void report(String stack, Set<String> seen) {
        List<StackEvent> fresh = new ArrayList<>(events(stack).stream().filter(e -> seen.add(e.eventId())).toList());
        java.util.Collections.reverse(fresh); // newest first from the API; the sort below is stable for equal times
        fresh.sort(Comparator.comparing(StackEvent::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        fresh.forEach(listener::event);
    }

    /** The first resource that failed since {@code before}: its id, type and reason say what went wrong. */
    private StackEvent firstFailure(String stack, Set<String> before) {
        List<StackEvent> failures = new ArrayList<>(events(stack).stream()
                .filter(e -> StackStates.failed(e.resourceStatus()))
                .filter(e -> e.resourceStatusReason() == null || !e.resourceStatusReason().contains("cancelled"))
                .toList());
        // events come newest first; the oldest failure is the cause, later ones are consequences
        return failures.isEmpty() ? null : failures.get(failures.size() - 1);
    }

    /** The stack's outputs, sorted by key. */
    public Map<String, String> outputs(String stack) {
        Map<String, String> out = new java.util.TreeMap<>();
        describe(stack).ifPresent(s -> s.outputs().forEach(o -> out.put(o.outputKey(), o.outputValue())));
        return out;
    }

    /** What an AWS service said, without the SDK's request ids when it said something. */
    static String message(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }

    private static String sha256(byte[] bytes) {
        return dev.tierlab.files.Hashes.sha256(bytes);
    }
}
