package dev.tierlab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package map of docs/architecture.md: commands ({@code dev.tierlab.cli}) over application services
 * ({@code dev.tierlab.app}) over the domain (every other package); no package cycles; services know
 * nothing of the terminal (only the cli package may use picocli or JLine).
 */
@AnalyzeClasses(packages = "dev.tierlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyCliUsesPicocliOrJline = noClasses()
            .that().resideOutsideOfPackage("dev.tierlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..")
            .because("commands and the shell live in dev.tierlab.cli; services must stay usable without a terminal");

    /**
     * The function worker is the one exception: in its own JVM, the learner's function's standard
     * output is its log, as in the real runtime.
     */
    @ArchTest
    static final ArchRule servicesDoNotPrintToTheConsole = noClasses()
            .that().resideOutsideOfPackages("dev.tierlab.cli..", "dev.tierlab.runtime.worker..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("output goes through the writers the cli layer passes in");

    @ArchTest
    static final ArchRule onlyTheWorkerRedirectsStandardStreams = noClasses()
            .that().resideOutsideOfPackage("dev.tierlab.runtime.worker..")
            .should().callMethod(System.class, "setOut", java.io.PrintStream.class)
            .orShould().callMethod(System.class, "setErr", java.io.PrintStream.class)
            .orShould().callMethod(Thread.class, "stop")
            .because("a learner's function runs in a worker JVM of its own; tierlab's own streams and threads are never swapped or stopped");

    @ArchTest
    static final ArchRule theWorkerStandsAlone = noClasses()
            .that().resideInAPackage("dev.tierlab.runtime.worker..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.tierlab.runtime.worker..", "java..",
                    "com.amazonaws.services.lambda.runtime..")
            .because("a worker JVM loads only the JDK, the Lambda runtime interfaces and serialization, so it starts fast and gives the function nothing of tierlab");

    @ArchTest
    static final ArchRule servicesDoNotReadTheEnvironment = noClasses()
            .that().resideOutsideOfPackages("dev.tierlab.config..", "dev.tierlab.cli..", "dev.tierlab.runtime..")
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("settings are resolved once, in dev.tierlab.config");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.tierlab.(*)..")
            .should().beFreeOfCycles()
            .because("each package can be understood, tested and changed from the packages below it");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Commands").definedBy("dev.tierlab.cli..")
            .layer("Application").definedBy("dev.tierlab.app..")
            .layer("Domain").definedBy(resideInAPackage("dev.tierlab..")
                    .and(not(resideInAnyPackage("dev.tierlab.cli..", "dev.tierlab.app..")))
                    .as("every other package of dev.tierlab"))
            .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Commands")
            .because("a command parses, calls one service and prints; services drive the domain; the domain knows neither");
}
