package dev.tierlab.runtime.worker;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A learner's handler, as the Lambda Java runtime finds and calls it: {@code Class::method} (default
 * {@code handleRequest}), taking (event), (event, Context) or (InputStream, OutputStream, Context);
 * events and results go through the official serialization library. Created once per worker, like the
 * handler instance of a Lambda execution environment.
 */
final class Handler {
    private final Object instance;
    private final Method method;
    private final ClassLoader loader;
    /** Made in the init phase, as the Lambda runtime does, so the first invocation does not pay for it. */
    private final PojoSerializer<Object> input;
    private final java.util.Map<Class<?>, PojoSerializer<Object>> output = new java.util.concurrent.ConcurrentHashMap<>();

    private Handler(Object instance, Method method, ClassLoader loader) {
        this.instance = instance;
        this.method = method;
        this.loader = loader;
        Class<?>[] params = method.getParameterTypes();
        this.input = params.length >= 1 && params[0] != InputStream.class ? serializer(params[0]) : null;
        Class<?> returns = method.getReturnType();
        if (returns != void.class && returns != Object.class && !returns.isInterface() && !returns.isPrimitive()) {
            output.put(returns, serializer(returns));
        }
    }

    /** Loads and instantiates the handler class (its static initializer runs here, the init phase). */
    static Handler load(String handler, ClassLoader loader) throws Exception {
        String[] parts = handler.split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        Class<?> type;
        try {
            type = Class.forName(parts[0], true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("Class not found: " + parts[0], e);
        }
        Method method = handlerMethod(type, methodName);
        return new Handler(type.getDeclaredConstructor().newInstance(), method, loader);
    }

    /** The response JSON of one invocation; the handler's own exception is thrown as it is (not wrapped). */
    String call(String eventJson, Context context) throws Throwable {
        try {
            return invoke(eventJson, context);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private String invoke(String eventJson, Context context) throws Exception {
        Class<?>[] params = method.getParameterTypes();
        if (params.length == 3 && params[0] == InputStream.class && params[1] == OutputStream.class) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            method.invoke(instance, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return out.toString(StandardCharsets.UTF_8);
        }
        Object[] args = new Object[params.length];
        if (params.length >= 1) {
            args[0] = input.fromJson(eventJson);
        }
        if (params.length == 2) {
            args[1] = context;
        }
        Object result = method.invoke(instance, args);
        if (result == null || method.getReturnType() == void.class) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        output.computeIfAbsent(result.getClass(), this::serializer).toJson(result, out);
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
    private PojoSerializer<Object> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader);
        }
        return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer((Class<Object>) type);
    }
}
