import dev.tierlab.runtime.DeploymentPackage;
import dev.tierlab.runtime.FunctionDefinition;
import dev.tierlab.runtime.LambdaInvoker;
import dev.tierlab.runtime.WorkerPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm-invoke benchmark (issue 11 §5), run by bench/invoke.sh with tierlab's jar on the class path:
 * WarmInvoke <workspace> <function> <event-file> <runs>. Invokes the function as the shell and the
 * sandbox executor do (one pool, so the second call finds a warm worker) and prints the first call,
 * the min/median/max of the warm ones in seconds, and the worker's resident memory.
 */
public class WarmInvoke {
    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        FunctionDefinition fn = FunctionDefinition.find(ws, args[1]);
        String event = Files.readString(Path.of(args[2]));
        int runs = Integer.parseInt(args[3]);
        Path zip;
        try (var found = Files.walk(ws)) {
            zip = found.filter(p -> p.toString().endsWith(".zip") && p.toString().contains("/target/")).findFirst().orElseThrow();
        }
        try (WorkerPool pool = new WorkerPool()) {
            LambdaInvoker invoker = new LambdaInvoker(pool);
            PrintStream logs = new PrintStream(new ByteArrayOutputStream());
            long t0 = System.nanoTime();
            LambdaInvoker.Result first = invoker.invoke(fn, DeploymentPackage.open(zip), event, logs);
            double cold = (System.nanoTime() - t0) / 1e9;
            if (!first.success()) {
                throw new IllegalStateException(first.payload());
            }
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                LambdaInvoker.Result r = invoker.invoke(fn, DeploymentPackage.open(zip), event, logs);
                if (!r.success()) {
                    throw new IllegalStateException(r.payload());
                }
                warm.add((System.nanoTime() - t) / 1e9);
            }
            warm.sort(null);
            long rssKb = 0;
            for (long pid : pool.pids()) {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssKb = Math.max(rssKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            }
            System.out.printf("first (worker start + call) %.3f s%n", cold);
            System.out.printf("warm  min %.3f  median %.3f  max %.3f s  (%d runs)%n", warm.get(0), warm.get(warm.size() / 2),
                    warm.get(warm.size() - 1), runs);
            System.out.printf("worker resident memory %d MB (MemorySize %d MB)%n", rssKb / 1024, fn.memoryMb());
        }
    }
}
