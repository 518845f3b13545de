package dev.tierlab.runtime;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a Java Lambda handler the way the Lambda Java runtime does, in a JVM of its own ({@link Worker}):
 * the function's environment and memory size, a class loader over the deployment package that sees only
 * the runtime interfaces of tierlab, the official serialization library, a Context with a deadline, and
 * the function's timeout. A warm worker is reused for the next call of the same function and code. Any
 * failure of the function — an exception, a timeout, {@code System.exit}, running out of memory, a
 * missing class or method — becomes a Lambda-shaped error ({@code errorMessage}, {@code errorType},
 * {@code stackTrace}), never a tierlab crash.
 */
public final class LambdaInvoker {
    /**
     * @param payload        the response JSON, or the error JSON when {@code success} is false
     * @param errorType      null on success
     * @param logBytesDropped log output beyond {@link Worker#MAX_LOG} bytes that was left out
     */
    public record Result(boolean success, String payload, String errorType, long millis, long logBytesDropped) {
    }

    private final WorkerPool pool;

    public LambdaInvoker(WorkerPool pool) {
        this.pool = pool;
    }

    /** Starts the function's JVM ahead, so it boots while the caller builds the package. */
    public void prepare(FunctionDefinition fn) {
        try {
            pool.prestart(launch(fn));
        } catch (IOException e) {
            throw unavailable(e.getMessage());
        }
    }

    public Result invoke(FunctionDefinition fn, DeploymentPackage pkg, String eventJson, PrintStream logs) {
        Worker worker;
        try {
            worker = pool.acquire(launch(fn), new Worker.Code(fn.logicalId(), fn.handler(), pkg.classpath()));
        } catch (IOException e) {
            throw unavailable(e.getMessage());
        }
        try {
            return worker.invoke(eventJson, fn.timeoutSeconds(), logs);
        } catch (Worker.WorkerUnavailable e) {
            throw unavailable(e.getMessage());
        } finally {
            pool.release(worker);
        }
    }

    /** The option that passes this process's worker class-data archive on to another tierlab JVM, if there is one. */
    public static java.util.Optional<String> workerArchiveOption() {
        String a = System.getProperty(Worker.ARCHIVE_PROPERTY);
        return a == null || a.isBlank() ? java.util.Optional.empty() : java.util.Optional.of("-D" + Worker.ARCHIVE_PROPERTY + "=" + a);
    }

    /** The function's environment with the variables the Lambda runtime adds. */
    private static Worker.Launch launch(FunctionDefinition fn) {
        Map<String, String> env = new LinkedHashMap<>(fn.environment());
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(fn.memoryMb()));
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.putIfAbsent("AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        return new Worker.Launch(env, fn.memoryMb());
    }

    private static TierlabException unavailable(String reason) {
        return new TierlabException(ExitCode.INTERNAL, "error.invoke.workerStart", reason);
    }
}
