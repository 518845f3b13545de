package dev.tierlab.error;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A target (the sandbox, an endpoint, AWS) that does not answer is not a bug of tierlab: an SDK client
 * error caused by a refused connection, an unknown host or a connect timeout becomes
 * {@link ExitCode#UNREACHABLE} with what to do. Found by the exception's type and causes, never by its text.
 */
public final class Unreachable {
    private Unreachable() {
    }

    /** {@code e} as "the target cannot be reached", when that is what it is. */
    public static Optional<TierlabException> classify(Throwable e) {
        if (!(e instanceof SdkClientException) && !(e.getCause() instanceof SdkClientException)) {
            return Optional.empty();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException) {
                String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
                return Optional.of(new TierlabException(ExitCode.UNREACHABLE, e, "error.unreachable", what));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
