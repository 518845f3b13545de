package dev.tierlab.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda Context a locally invoked function sees: request id, remaining time, a logger to stderr. */
final class LocalContext implements Context {
    private final FunctionDefinition function;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;
    private final PrintStream logs;

    LocalContext(FunctionDefinition function, PrintStream logs) {
        this.function = function;
        this.logs = logs;
        this.deadline = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "tierlab-local";
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + function.logicalId();
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
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                logs.println(message);
                logs.flush();
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
