package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.error.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's processes when one of them dies, as a learner would meet it through the CLI: an
 * executor left by a killed engine is ended by the next start, and a sandbox whose executor does not
 * answer is reported as unable to run Java (exit 6), not as running.
 */
class SandboxLifecycleIT {
    @TempDir
    Path home;

    private JsonNode record() throws Exception {
        return new ObjectMapper().readTree(home.resolve("sandbox/sandbox.json").toFile());
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aKilledEngineOrExecutorIsFoundAndCleanedUp() throws Exception {
        int port = TestSandbox.freePort();
        assertEquals(0, Run.tierlab(home, "sandbox", "start", "--port", String.valueOf(port)).code);
        long engine = record().get("pid").asLong();
        long executor = record().get("executorPid").asLong();

        // a java function someone created on the sandbox with another client: the executor does not run it
        java.nio.file.Path marker = home.resolve("ran");
        byte[] zip = java.nio.file.Files.readAllBytes(dev.tierlab.runtime.CompiledFunction.zip(home.resolve("stranger"), "s.Stranger", """
                package s;
                public class Stranger {
                    public String handleRequest(String path) throws Exception {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(path), "ran");
                        return "ran";
                    }
                }
                """));
        dev.tierlab.provision.Target target = dev.tierlab.provision.Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX,
                java.net.URI.create("http://127.0.0.1:" + port), java.util.Set.of());
        try (software.amazon.awssdk.services.lambda.LambdaClient lambda = target.configure(
                software.amazon.awssdk.services.lambda.LambdaClient.builder()).build()) {
            lambda.createFunction(b -> b.functionName("stranger").runtime(software.amazon.awssdk.services.lambda.model.Runtime.JAVA21)
                    .handler("s.Stranger::handleRequest").role("arn:aws:iam::000000000000:role/x").timeout(20)
                    .code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(zip))));
            var r = lambda.invoke(b -> b.functionName("stranger")
                    .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("\"" + marker + "\"")));
            assertEquals("Unhandled", r.functionError(), r.payload().asUtf8String());
            assertTrue(r.payload().asUtf8String().contains("not deployed by tierlab"), r.payload().asUtf8String());
            assertFalse(java.nio.file.Files.exists(marker), "the stranger's code did not run");
        }

        // an artifacts bucket whose tags were lost: the leak scan still finds it, and destroy --all removes it
        try (dev.tierlab.provision.AwsClients aws = new dev.tierlab.provision.AwsClients(target)) {
            String bucket = "tierlab-artifacts-000000000000-us-east-1";
            aws.s3().createBucket(b -> b.bucket(bucket));
            aws.s3().putObject(b -> b.bucket(bucket).key("tierlab-api-gateway-0123abcd/tickets.zip"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("zip"));
            assertEquals(java.util.List.of("bucket " + bucket + " (untagged, named as tierlab names its buckets)"),
                    new dev.tierlab.provision.Deployer(aws, null).leaks());
            Run destroy = Run.tierlab(home, "destroy", "--all", "--yes");
            assertEquals(0, destroy.code, destroy.toString());
            assertEquals(java.util.List.of(), new dev.tierlab.provision.Deployer(aws, null).leaks(), destroy.toString());
        }

        kill(engine); // kill -9 of MiniStack
        Run status = Run.tierlab(home, "sandbox", "status");
        assertTrue(status.out.contains("not running"), status.toString());
        Run again = Run.tierlab(home, "sandbox", "start", "--port", String.valueOf(port));
        assertEquals(0, again.code, again.toString());
        ProcessHandle.of(executor).ifPresent(p -> p.onExit().join());
        assertFalse(alive(executor), "the executor the killed engine left behind was ended by the next start");
        long newExecutor = record().get("executorPid").asLong();
        assertNotEquals(executor, newExecutor);
        assertEquals(0, Run.tierlab(home, "sandbox", "status").code, "engine and executor answer");

        kill(newExecutor);
        Run down = Run.tierlab(home, "sandbox", "status");
        assertEquals(ExitCode.FAILED.code(), down.code, down.toString());
        assertTrue(down.out.contains("does not answer"), down.toString());
        Run json = Run.tierlab(home, "sandbox", "status", "--json");
        assertFalse(new ObjectMapper().readTree(json.out).get("executorUp").asBoolean(), json.out);

        long engine2 = record().get("pid").asLong();
        assertEquals(0, Run.tierlab(home, "sandbox", "stop").code);
        ProcessHandle.of(engine2).ifPresent(p -> p.onExit().join());
        assertFalse(alive(engine2));
    }
}
