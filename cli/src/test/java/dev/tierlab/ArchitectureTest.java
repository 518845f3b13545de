package dev.tierlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Services know nothing of the terminal: only the cli package may use picocli or JLine. */
@AnalyzeClasses(packages = "dev.tierlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyCliUsesPicocliOrJline = noClasses()
            .that().resideOutsideOfPackage("dev.tierlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..")
            .because("commands and the shell live in dev.tierlab.cli; services must stay usable without a terminal");

    /**
     * The local Lambda runtime is the one exception: it gives the learner's function the process's
     * standard output (redirected to the log) and environment, as the real runtime does.
     */
    @ArchTest
    static final ArchRule servicesDoNotPrintToTheConsole = noClasses()
            .that().resideOutsideOfPackages("dev.tierlab.cli..", "dev.tierlab.runtime..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("output goes through the writers the cli layer passes in");

    @ArchTest
    static final ArchRule servicesDoNotReadTheEnvironment = noClasses()
            .that().resideOutsideOfPackages("dev.tierlab.config..", "dev.tierlab.cli..", "dev.tierlab.runtime..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("settings are resolved once, in dev.tierlab.config");
}
