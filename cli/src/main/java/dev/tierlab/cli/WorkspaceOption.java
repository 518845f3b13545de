package dev.tierlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir}: the workspace a lab command works in (default: the current directory's, else the current lab's). */
final class WorkspaceOption {
    @Option(names = "--dir", paramLabel = "<dir>")
    Path dir;
}
