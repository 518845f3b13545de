package dev.tierlab.provision;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Writes what a function logged during one invocation to its CloudWatch Logs group, in a stream of
 * its own named like Lambda's ({@code yyyy/MM/dd/[$LATEST]<id>}). MiniStack writes only the
 * START/END/REPORT lines itself; without this, a {@code logs} check could never find the function's
 * own output on the sandbox.
 */
final class FunctionLogs implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final CloudWatchLogsClient logs;
    private final PrintStream diagnostics;

    FunctionLogs(CloudWatchLogsClient logs, PrintStream diagnostics) {
        this.logs = logs;
        this.diagnostics = diagnostics;
    }

    void write(String group, String output) {
        List<InputLogEvent> events = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                events.add(InputLogEvent.builder().timestamp(now).message(line).build());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        String stream = DAY.format(Instant.ofEpochMilli(now)) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
        try {
            try {
                logs.createLogGroup(b -> b.logGroupName(group));
            } catch (ResourceAlreadyExistsException e) {
                // the usual case: the template created the group
            }
            logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
        } catch (SdkException e) {
            diagnostics.println("tierlab executor: could not write the function's logs to " + group + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        logs.close();
    }
}
