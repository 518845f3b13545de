package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@code s3}: a bucket's versioning status, whether an object exists in it, whether it blocks public access. */
public final class S3Check extends BaseCheckType<S3Check.Params> {
    /**
     * @param bucket     the bucket's logical id
     * @param versioning Enabled, Suspended or Disabled
     * @param object     a key that must exist
     * @param publicAccessBlocked true: the bucket's public access block has all four settings on (no public
     *                   ACLs or policies take effect); false: at least one is off
     */
    public record Params(@JsonProperty(required = true) String bucket, String versioning, String object, Boolean publicAccessBlocked) {
    }

    public S3Check() {
        super("s3", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String bucket = context.physical(p.bucket());
        String versioning = null;
        if (p.versioning() != null) {
            String status = context.aws().s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString();
            versioning = status == null ? "Disabled" : status;
        }
        Boolean exists = null;
        if (p.object() != null) {
            try {
                context.aws().s3().headObject(b -> b.bucket(bucket).key(p.object()));
                exists = true;
            } catch (S3Exception e) {
                exists = false;
            }
        }
        Boolean blocked = null;
        if (p.publicAccessBlocked() != null) {
            blocked = blocksPublicAccess(context, bucket);
        }
        return judge(p, bucket, versioning, exists, blocked, context.texts());
    }

    /** Whether all four settings of the bucket's public access block are on (a bucket without one blocks nothing). */
    private static boolean blocksPublicAccess(CheckContext context, String bucket) {
        try {
            var c = context.aws().s3().getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
            return c != null && Boolean.TRUE.equals(c.blockPublicAcls()) && Boolean.TRUE.equals(c.ignorePublicAcls())
                    && Boolean.TRUE.equals(c.blockPublicPolicy()) && Boolean.TRUE.equals(c.restrictPublicBuckets());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false; // NoSuchPublicAccessBlockConfiguration
            }
            throw e;
        }
    }

    static Verdict judge(Params p, String bucket, String versioning, Boolean objectExists, Texts t) {
        return judge(p, bucket, versioning, objectExists, null, t);
    }

    static Verdict judge(Params p, String bucket, String versioning, Boolean objectExists, Boolean publicAccessBlocked, Texts t) {
        Expectations e = new Expectations(t);
        e.expect(p.bucket(), "versioning", p.versioning(), versioning);
        e.expect(p.bucket(), "publicAccessBlocked", p.publicAccessBlocked() == null ? null : p.publicAccessBlocked().toString(),
                publicAccessBlocked == null ? null : publicAccessBlocked.toString());
        if (p.object() != null) {
            e.expected(t.get("check.r.exists", bucket + "/" + p.object()));
            if (!Boolean.TRUE.equals(objectExists)) {
                e.mismatch(p.bucket(), p.object(), t.get("check.r.none"));
            }
        }
        return e.verdict(p.bucket());
    }
}
