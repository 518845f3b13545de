package dev.tierlab.lab;

import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a new lab for an author to edit: {@code <dir>/<id>/} with a {@code lab.yaml}, one step with
 * its instructions in English and Korean, a sample event, a solution folder and a
 * {@code file-contains} check, and lists it in {@code <dir>/labs.yaml}. It never overwrites: an
 * existing lab folder is refused. The result passes {@code tierlab lab validate} as it is.
 */
public final class LabScaffold {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String STEP = "first-step";

    /** What was written: the lab folder, its files, and the index (listed in it when {@code indexed}). */
    public record Result(Path folder, List<Path> created, Path index, boolean indexed) {
    }

    private LabScaffold() {
    }

    /**
     * Creates lab {@code id} of chapter {@code chapter} in {@code dir}.
     *
     * @param chapters the chapter ids of the course, to check {@code chapter} against
     */
    public static Result create(Path dir, String id, String chapter, List<String> chapters) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new TierlabException(ExitCode.USAGE, "error.lab.badId", id);
        }
        if (!chapters.contains(chapter)) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.lab.unknownChapter", chapter, String.join(", ", chapters));
        }
        Path folder = dir.resolve(id);
        if (Files.exists(folder)) {
            throw new TierlabException(ExitCode.USAGE, "error.lab.exists", folder);
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("lab.yaml", labYaml(id, chapter));
        files.put("steps/" + STEP + ".en.md", """
                # Your first step

                Create a file `NOTES.md` at the top of your workspace and write in it one thing you
                learned in this chapter. Mention the word `tierlab` so the check can find it.

                Check your work with:

                ```sh
                tierlab check %s
                ```
                """.formatted(STEP));
        files.put("steps/" + STEP + ".ko.md", """
                # 첫 단계

                워크스페이스 맨 위에 `NOTES.md` 파일을 만들고, 이 챕터에서 배운 것을 하나 적으세요.
                검사가 찾을 수 있도록 `tierlab`이라는 단어를 넣으세요.

                다음 명령으로 확인합니다:

                ```sh
                tierlab check %s
                ```
                """.formatted(STEP));
        files.put("events/sample.json", """
                {
                  "resource": "/hello",
                  "path": "/hello",
                  "httpMethod": "GET",
                  "headers": {"Accept": "application/json"},
                  "queryStringParameters": null,
                  "pathParameters": null,
                  "body": null,
                  "isBase64Encoded": false
                }
                """);
        files.put("solution/" + STEP + "/NOTES.md", "# Notes\n\nWith tierlab I learned how a lab checks my work.\n");
        List<Path> created = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path schema = dir.resolve(LabLoader.SCHEMA);
            if (!Files.exists(schema)) {
                write(schema, ContentSource.classpath("labs/").read(LabLoader.SCHEMA).orElseThrow(), created);
            }
            Files.createDirectory(folder); // fails if another process created it meanwhile
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path path = folder.resolve(f.getKey());
                Files.createDirectories(path.getParent());
                write(path, f.getValue(), created);
            }
            Path index = dir.resolve(LabLoader.INDEX);
            return new Result(folder, created, index, addToIndex(dir, index, id));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new TierlabException(ExitCode.USAGE, "error.lab.exists", folder);
        } catch (IOException e) {
            throw TierlabException.io(folder, e);
        }
    }

    private static void write(Path path, String text, List<Path> created) throws IOException {
        AtomicFiles.write(path, text.getBytes(StandardCharsets.UTF_8));
        created.add(path);
    }

    /** Lists {@code id} in the index, creating it if needed and keeping its entries and leading comments. */
    private static boolean addToIndex(Path dir, Path index, String id) throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (Files.isRegularFile(index)) {
            ids.addAll(new LabLoader(ContentSource.directory(dir)).ids());
            Files.readAllLines(index).stream().takeWhile(l -> l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        } else {
            text.append("# Labs in the order tierlab lab list shows them; each is <id>/lab.yaml.\n");
        }
        if (ids.contains(id)) {
            return false;
        }
        ids.add(id);
        text.append("labs:\n");
        ids.forEach(i -> text.append("  - ").append(i).append('\n'));
        AtomicFiles.write(index, text.toString().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static String labYaml(String id, String chapter) {
        String title = Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' ');
        return """
                # yaml-language-server: $schema=../lab.schema.json
                id: %1$s
                chapter: %2$s
                title: {en: "%3$s", ko: "%3$s"}
                summary:
                  en: "What learners build in this lab, in one sentence."
                  ko: "이 실습에서 무엇을 만드는지 한 문장으로 적습니다."
                steps:
                  - id: %4$s
                    title: {en: "Write your notes", ko: "노트 쓰기"}
                    instructions: {en: steps/%4$s.en.md, ko: steps/%4$s.ko.md}
                    hints:
                      - {en: "Create NOTES.md at the top of the workspace, not in a sub-folder.",
                         ko: "NOTES.md는 하위 폴더가 아니라 워크스페이스 맨 위에 만드세요."}
                      - {en: "The check looks for the word tierlab in NOTES.md.",
                         ko: "검사는 NOTES.md에서 tierlab이라는 단어를 찾습니다."}
                    solution: solution/%4$s
                    checks:
                      - id: notes-written
                        type: file-contains
                        points: 1
                        params: {file: NOTES.md, contains: "tierlab"}
                        hint: {en: "NOTES.md must exist and mention tierlab.", ko: "NOTES.md가 있고 그 안에 tierlab이 있어야 합니다."}
                """.formatted(id, chapter, title, STEP);
    }
}
