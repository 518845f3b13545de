package dev.tierlab.runtime.worker;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The Lambda Context of one invocation in a worker: request id, remaining time, a logger to the function's log. */
final class WorkerContext implements Context {
    private final String function;
    private final int memoryMb;
    private final String requestId;
    private final long deadline;
    private final PrintStream log;

    /** @param log the function's log (the stream the worker's standard output also goes to) */
    WorkerContext(String function, int memoryMb, String requestId, long deadline, PrintStream log) {
        this.log = log;
        this.function = function;
        this.memoryMb = memoryMb;
        this.requestId = requestId;
        this.deadline = deadline;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        String group = System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
        return group != null ? group : "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "tierlab-local";
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + function;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.println(message);
                log.flush();
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
