package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@code s3}: a bucket's versioning status, and whether an object exists in it. */
public final class S3Check extends BaseCheckType<S3Check.Params> {
    /**
     * @param bucket     the bucket's logical id
     * @param versioning Enabled, Suspended or Disabled
     * @param object     a key that must exist
     */
    public record Params(@JsonProperty(required = true) String bucket, String versioning, String object) {
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
        return judge(p, bucket, versioning, exists, context.texts());
    }

    static Verdict judge(Params p, String bucket, String versioning, Boolean objectExists, Texts t) {
        Expectations e = new Expectations(t);
        e.expect(p.bucket(), "versioning", p.versioning(), versioning);
        if (p.object() != null) {
            e.expected(t.get("check.r.exists", bucket + "/" + p.object()));
            if (!Boolean.TRUE.equals(objectExists)) {
                e.mismatch(p.bucket(), p.object(), t.get("check.r.none"));
            }
        }
        return e.verdict(p.bucket());
    }
}
