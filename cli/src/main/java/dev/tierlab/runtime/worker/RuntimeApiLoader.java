package dev.tierlab.runtime.worker;

/**
 * The parent of a function's class loader. Like the Lambda Java runtime, it provides only the JDK and
 * the runtime interfaces ({@code com.amazonaws.services.lambda.runtime.*}: RequestHandler, Context,
 * LambdaLogger); everything else (events, SDK, Jackson) comes from the function's own package, so
 * tierlab's libraries never leak into the learner's code.
 */
final class RuntimeApiLoader extends ClassLoader {
    private static final String API = "com.amazonaws.services.lambda.runtime.";

    private final ClassLoader tierlab;

    RuntimeApiLoader(ClassLoader tierlab) {
        super(ClassLoader.getPlatformClassLoader());
        this.tierlab = tierlab;
    }

    static boolean isRuntimeApi(String className) {
        if (!className.startsWith(API)) {
            return false;
        }
        String rest = className.substring(API.length());
        return !rest.contains(".") || rest.startsWith("logging.");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isRuntimeApi(name)) {
            return tierlab.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}
