package dev.tierlab.runtime.worker;

/** The error document Lambda returns for a failed invocation: errorMessage, errorType and, for an exception, its stack trace. */
public final class ErrorJson {
    private ErrorJson() {
    }

    public static String of(String message, String type, Throwable cause) {
        StringBuilder json = new StringBuilder("{\"errorMessage\":").append(quote(message)).append(",\"errorType\":").append(quote(type));
        if (cause != null) {
            json.append(",\"stackTrace\":[");
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < trace.length; i++) {
                json.append(i == 0 ? "" : ",").append(quote(trace[i].toString()));
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    /** {@code s} as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return q.append('"').toString();
    }
}
