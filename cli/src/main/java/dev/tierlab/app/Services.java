package dev.tierlab.app;

import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.config.Environment;
import dev.tierlab.generate.LabGenerator;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.LabCatalog;
import dev.tierlab.progress.ProgressStore;
import dev.tierlab.provision.Sandbox;
import dev.tierlab.runtime.LocalInvocation;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the workflows work with, made by the command layer for one command line: the environment,
 * the messages in the user's language (for the notes a report carries), and the domain services,
 * created when first asked for (reading the labs or the progress file can fail, and a workflow that
 * does not need them must not fail for them).
 *
 * @param trust whether a lab may run its code here ({@code --trust}, a remembered or asked decision)
 */
public record Services(Environment env, Messages msg, dev.tierlab.lab.LabTrust trust, Supplier<LabCatalog> labs,
                       Supplier<ProgressStore> progress, Supplier<ProjectBuilder> projectBuilder,
                       Function<Path, LocalInvocation> localInvocation, Supplier<LabGenerator> labGenerator,
                       Supplier<Sandbox> sandbox) {
}
