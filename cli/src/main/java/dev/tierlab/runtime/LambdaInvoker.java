package dev.tierlab.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a Java Lambda handler in-process, the way the Lambda Java runtime does: an isolated class
 * loader over the deployment package, the official serialization library for events and results,
 * a Context with a deadline, the function's timeout, and its environment from the template. Any
 * failure — an exception, a timeout, a missing class or method — becomes a Lambda-shaped error
 * ({@code errorMessage}, {@code errorType}, {@code stackTrace}), never a tierlab crash.
 */
public final class LambdaInvoker {
    /** Created on first error only: a successful invoke needs no JSON library of tierlab's own. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * @param payload   the response JSON, or the error JSON when {@code success} is false
     * @param errorType null on success
     * @param notSet    environment variables that could not be set in this process
     */
    public record Result(boolean success, String payload, String errorType, long millis, List<String> notSet) {
    }

    public Result invoke(FunctionDefinition fn, DeploymentPackage pkg, String eventJson, PrintStream logs) {
        long start = System.nanoTime();
        Map<String, String> env = new LinkedHashMap<>(fn.environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(fn.memoryMb()));
        env.putIfAbsent("AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        Thread[] thread = new Thread[1];
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lambda-" + fn.logicalId());
            t.setDaemon(true);
            thread[0] = t;
            return t;
        });
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(pkg.classpath(), new RuntimeApiLoader(LambdaInvoker.class.getClassLoader()));
             EnvironmentOverride override = EnvironmentOverride.apply(env)) {
            System.setOut(logs); // the handler's System.out is log output, as in Lambda
            LocalContext context = new LocalContext(fn, logs);
            Future<String> call = worker.submit(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                return run(fn, loader, eventJson, context);
            });
            try {
                String payload = call.get(fn.timeoutSeconds(), TimeUnit.SECONDS);
                return new Result(true, payload, null, millis(start), override.notSet());
            } catch (TimeoutException e) {
                call.cancel(true);
                stop(thread[0]);
                String message = Instant.now() + " " + context.getAwsRequestId() + " Task timed out after "
                        + fn.timeoutSeconds() + ".00 seconds";
                return new Result(false, error(message, "Sandbox.Timedout", null), "Sandbox.Timedout", millis(start), override.notSet());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
                String type = cause.getClass().getName();
                return new Result(false, error(String.valueOf(cause.getMessage()), type, cause), type, millis(start), override.notSet());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                return new Result(false, error("invocation interrupted", "Interrupted", null), "Interrupted", millis(start), override.notSet());
            }
        } catch (IOException e) {
            return new Result(false, error(e.getMessage(), e.getClass().getName(), e), e.getClass().getName(), millis(start), List.of());
        } finally {
            System.setOut(stdout);
            worker.shutdownNow();
        }
    }

    /**
     * A handler that ignores interruption (a busy loop) would keep running after its timeout; the
     * Lambda runtime would end its process. In-process, the last resort is {@code Thread.stop},
     * which JDK 17 still has; on runtimes without it the thread is left as a daemon.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(500);
            if (t.isAlive()) {
                t.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // JDK 20+: the thread stays a daemon and ends with the process
        }
    }

    private static long millis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String run(FunctionDefinition fn, ClassLoader loader, String eventJson, Context context) throws Exception {
        String[] parts = fn.handler().split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        Class<?> type;
        try {
            type = Class.forName(parts[0], true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("Class not found: " + parts[0], e);
        }
        Object handler = type.getDeclaredConstructor().newInstance();
        Method method = handlerMethod(type, methodName);
        Class<?>[] params = method.getParameterTypes();
        if (params.length == 3 && params[0] == InputStream.class && params[1] == OutputStream.class) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            method.invoke(handler, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Object[] args = new Object[params.length];
        if (params.length >= 1) {
            args[0] = serializer(params[0], loader).fromJson(eventJson);
        }
        if (params.length == 2) {
            args[1] = context;
        }
        Object result = method.invoke(handler, args);
        if (result == null || method.getReturnType() == void.class) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(result.getClass(), loader).toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The public method {@code name} taking (event), (event, Context) or (InputStream, OutputStream, Context). */
    private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .filter(m -> m.getParameterCount() != 2 || Context.class.isAssignableFrom(m.getParameterTypes()[1]))
                .min((a, b) -> Boolean.compare(a.getParameterTypes()[0] == Object.class, b.getParameterTypes()[0] == Object.class))
                .orElseThrow(() -> new NoSuchMethodException("No public method named " + name + " with appropriate method signature found on class "
                        + type.getName()));
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Class<Object>) type);
    }

    private static String error(String message, String type, Throwable cause) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("errorMessage", message);
        e.put("errorType", type);
        if (cause != null) {
            e.put("stackTrace", Arrays.stream(cause.getStackTrace()).map(StackTraceElement::toString).toList());
        }
        try {
            return Json.MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
