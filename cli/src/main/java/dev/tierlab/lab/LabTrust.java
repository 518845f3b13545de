package dev.tierlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.files.Hashes;
import dev.tierlab.i18n.Messages;
import dev.tierlab.verify.engine.CheckTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one rule for running a lab's code on this machine, like an editor's workspace trust. The
 * project a lab generates (its pom, tests and handlers), its solutions, its {@code command} checks
 * and the functions it deploys to the sandbox are code of the lab's author. A bundled lab is
 * tierlab's own and always runs. A lab from another folder runs only when
 * <ul>
 *   <li>{@code --trust} was given (for scripts and CI), or</li>
 *   <li>the user trusted that folder with this very content before: the decision is kept in
 *       {@value #FILE} of tierlab's home, by the SHA-256 of every file of the folder, so a changed
 *       lab is asked about again, or</li>
 *   <li>the user answers yes when asked in a terminal; the question lists what would run.</li>
 * </ul>
 * Otherwise nothing runs and the refusal names the lab, its folder and what would have run.
 */
public final class LabTrust {
    /** The file of tierlab's home that remembers trusted lab folders. */
    public static final String FILE = "trust.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Something of a lab's code that would run: the check type (or {@code deploy}) whose message
     * {@code trust.use.<kind>} describes it, who runs it (a check id, or the command) and a detail
     * that reads the same in every language (a command line, a function).
     */
    public record Use(String kind, String by, String detail) {
    }

    /** Asks the user a yes/no question; empty when nobody can be asked (not a terminal). */
    public interface Asker {
        Optional<Boolean> ask(String question);
    }

    private final Supplier<LabCatalog> catalog;
    private final Path file;
    private final boolean flag;
    private final Asker asker;
    private final Messages msg;
    private final Consumer<String> notice;
    /** Folders trusted in this process (also when remembering them failed): folder and hash. */
    private final java.util.Set<String> trustedNow = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param home   tierlab's home, where {@value #FILE} is kept
     * @param flag   whether {@code --trust} was given
     * @param notice where a note goes when the decision cannot be remembered
     */
    public LabTrust(Supplier<LabCatalog> catalog, Path home, boolean flag, Asker asker, Messages msg, Consumer<String> notice) {
        this.catalog = catalog;
        this.file = home.resolve(FILE);
        this.flag = flag;
        this.asker = asker;
        this.msg = msg;
        this.notice = notice;
    }

    /** What of the lab's code {@code checks} would run ({@link dev.tierlab.verify.engine.CheckType#labCode}). */
    public static List<Use> uses(Collection<Lab.Check> checks) {
        List<Use> uses = new ArrayList<>();
        for (Lab.Check check : checks) {
            CheckTypes.standard().labCode(check).ifPresent(detail -> uses.add(new Use(check.type(), check.id(), detail)));
        }
        return uses;
    }

    /** {@link #require(Lab, List)} for what {@code checks} would run. */
    public void requireForChecks(Lab lab, Collection<Lab.Check> checks) {
        require(lab, uses(checks));
    }

    /** {@link #require(Lab, List)} for a deploy: its build runs the project's pom; on the sandbox its functions run here. */
    public void requireForDeploy(Lab lab, String by) {
        require(lab, List.of(deploy(lab, by)));
    }

    /** {@link #require(Lab, List)} for everything the lab can run: its checks and its deploy (lab test, grade). */
    public void requireForAll(Lab lab, String by) {
        List<Use> uses = new ArrayList<>(uses(lab.steps().stream().flatMap(s -> s.checks().stream()).toList()));
        if (lab.deploy() != null) {
            uses.add(deploy(lab, by));
        }
        require(lab, uses);
    }

    private static Use deploy(Lab lab, String by) {
        return new Use("deploy", by, lab.deploy().template());
    }

    /**
     * Returns when {@code lab} may run {@code uses} on this machine; fails with
     * {@code error.lab.untrusted} before anything runs otherwise. Call it before running any of them.
     */
    public void require(Lab lab, List<Use> uses) {
        LabCatalog labs = catalog.get();
        if (!labs.isBundled(lab.id())) {
            require(lab.id(), labs.folder(lab.id()), uses);
        }
    }

    /**
     * {@link #require(Lab, List)} for lab {@code labId} of {@code folder}, a lab that is not bundled (also
     * one the labs folders of this command line do not have: a workspace remembers where its lab came
     * from). A folder that is gone cannot be trusted by content: only {@code --trust} lets it run.
     */
    public void require(String labId, Path folder, List<Use> uses) {
        if (flag || uses.isEmpty()) {
            return;
        }
        String listed = describe(uses);
        Path real;
        try {
            real = folder.toRealPath(); // a linked lab folder is trusted by what it links to
        } catch (IOException e) {
            throw new TierlabException(ExitCode.USAGE, "error.lab.untrusted", labId, folder, listed);
        }
        String key = real.toString();
        String sha = contentHash(real);
        Optional<String> remembered = remembered(key);
        if (remembered.filter(sha::equals).isPresent() || trustedNow.contains(key + " " + sha)) {
            return;
        }
        String question = msg.get(remembered.isPresent() ? "trust.askChanged" : "trust.ask", labId, folder, listed);
        boolean yes = asker.ask(question).orElse(false);
        if (!yes) {
            throw new TierlabException(ExitCode.USAGE, "error.lab.untrusted", labId, folder, listed);
        }
        trustedNow.add(key + " " + sha);
        remember(key, sha);
    }

    /** One line per use, in the user's language. */
    private String describe(List<Use> uses) {
        StringBuilder sb = new StringBuilder();
        for (Use u : uses) {
            String line = msg.find("trust.use." + u.kind(), u.by(), u.detail()).orElseGet(() -> msg.get("trust.use.other", u.by(), u.detail()));
            sb.append(sb.length() == 0 ? "" : "\n").append("  - ").append(line);
        }
        return sb.toString();
    }

    private Optional<String> remembered(String key) {
        return Optional.ofNullable(read().get(key)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    private void remember(String key, String sha) {
        ObjectNode folders = read();
        folders.put(key, sha);
        ObjectNode doc = JSON.createObjectNode();
        doc.set("folders", folders);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (IOException e) {
            // trusted for this run; asked again next time
            notice.accept(msg.get("trust.notRemembered", file, e.getMessage()));
        }
    }

    /** The remembered folders; an unreadable or damaged file remembers nothing (it is only ever asked again). */
    private ObjectNode read() {
        try {
            if (Files.isRegularFile(file) && JSON.readTree(file.toFile()).get("folders") instanceof ObjectNode folders) {
                return folders;
            }
        } catch (IOException e) {
            // asked again, and rewritten when answered
        }
        return JSON.createObjectNode();
    }

    /**
     * The SHA-256 of a lab folder's content: every file's path relative to the folder and its bytes, in
     * path order; a symbolic link inside counts by where it points. Any change to any file changes it.
     * {@code folder} itself should be a real path ({@link Path#toRealPath}): a walk does not enter a link.
     */
    public static String contentHash(Path folder) {
        MessageDigest sha = Hashes.sha256();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted().toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                // NUL cannot be part of a file name: no two trees give the same sequence of fields
                if (Files.isSymbolicLink(p)) {
                    sha.update(("link\0" + rel + "\0" + Files.readSymbolicLink(p) + "\0").getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    sha.update(("file\0" + rel + "\0" + Files.size(p) + "\0").getBytes(StandardCharsets.UTF_8));
                    try (var in = Files.newInputStream(p)) {
                        byte[] buf = new byte[65536];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            sha.update(buf, 0, n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw TierlabException.io(folder, e);
        }
        return Hashes.hex(sha.digest());
    }
}
