package io.herald.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The package rules ARCHITECTURE.md states, checked on the compiled library: the API and SPI stand on their own, each
 * internal package depends only on the internal packages its layer allows (the catalogue {@code io.herald.internal}
 * is open to all), the internal packages form no cycles, and only the extension package deals with CDI's extension
 * SPI.
 */
@AnalyzeClasses(packages = "io.herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // Lookups at run time (CDI.current(), a handle's Bean) are ordinary use; the rest of the package is for extensions.
    private static final Set<String> RUNTIME_LOOKUP = Set.of("jakarta.enterprise.inject.spi.CDI",
            "jakarta.enterprise.inject.spi.Bean");

    private static final DescribedPredicate<JavaClass> EXTENSION_SPI = new DescribedPredicate<>(
            "are CDI extension SPI (portable or build-compatible)") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getName();
            return name.startsWith("jakarta.enterprise.inject.build.compatible.spi.")
                    || name.startsWith("jakarta.enterprise.inject.spi.") && !RUNTIME_LOOKUP.contains(name);
        }
    };

    @ArchTest
    static final ArchRule apiImportsNothingInternal = noClasses().that().resideInAPackage("io.herald")
            .should().dependOnClassesThat().resideInAPackage("io.herald.internal..");

    // Sending is the API everyone imports; authorizing and observing build on it, never the other way.
    @ArchTest
    static final ArchRule sendingApiStandsAlone = noClasses().that().resideInAPackage("io.herald")
            .should().dependOnClassesThat().resideInAnyPackage("io.herald.auth..", "io.herald.events..");

    @ArchTest
    static final ArchRule authEventsEntitiesAndNotificationsImportNothingInternal = noClasses()
            .that().resideInAnyPackage("io.herald.auth..", "io.herald.events..", "io.herald.jpa..",
                    "io.herald.notifications..")
            .should().dependOnClassesThat().resideInAPackage("io.herald.internal..");

    @ArchTest
    static final ArchRule spiImportsNothingInternal = noClasses().that().resideInAPackage("io.herald.spi..")
            .should().dependOnClassesThat().resideInAPackage("io.herald.internal..");

    @ArchTest
    static final ArchRule internalPackagesFormNoCycles = slices().matching("io.herald.internal.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheExtensionPackageUsesTheExtensionSpi = noClasses()
            .that().resideOutsideOfPackage("io.herald.internal.extension..")
            .should().dependOnClassesThat(EXTENSION_SPI);

    // Each internal package and the internal packages below it that it may use, as ARCHITECTURE.md lists them.
    private static ArchRule layer(String name, String... below) {
        String[] allowed = new String[below.length + 3];
        allowed[0] = "io.herald.internal";
        allowed[1] = "io.herald.internal.background..";
        allowed[2] = "io.herald.internal." + name + "..";
        for (int i = 0; i < below.length; i++) {
            allowed[i + 3] = "io.herald.internal." + below[i] + "..";
        }
        return classes().that().resideInAPackage("io.herald.internal." + name + "..").should().onlyDependOnClassesThat(
                resideOutsideOfPackage("io.herald.internal..").or(resideInAnyPackage(allowed)))
                .as("io.herald.internal." + name + " depends only on " + String.join(", ", below));
    }

    @ArchTest
    static final ArchRule background = layer("background");
    @ArchTest
    static final ArchRule protocol = layer("protocol");
    @ArchTest
    static final ArchRule config = layer("config");
    @ArchTest
    static final ArchRule observability = layer("observability");
    @ArchTest
    static final ArchRule outbox = layer("outbox");
    @ArchTest
    static final ArchRule drivers = layer("drivers");
    @ArchTest
    static final ArchRule model = layer("model");
    @ArchTest
    static final ArchRule signing = layer("signing", "protocol");
    @ArchTest
    static final ArchRule request = layer("request", "protocol");
    @ArchTest
    static final ArchRule pusher = layer("pusher", "protocol");
    @ArchTest
    static final ArchRule cluster = layer("cluster", "protocol");
    @ArchTest
    static final ArchRule json = layer("json", "config");
    @ArchTest
    static final ArchRule extension = layer("extension", "observability");
    @ArchTest
    static final ArchRule hooks = layer("hooks", "protocol", "config", "signing", "observability", "cluster");
    @ArchTest
    static final ArchRule auth = layer("auth", "protocol", "config", "signing");
    @ArchTest
    static final ArchRule local = layer("local", "protocol", "config", "signing", "observability", "cluster", "hooks");
    @ArchTest
    static final ArchRule console = layer("console", "protocol", "config", "signing", "observability", "cluster",
            "local");
    @ArchTest
    static final ArchRule delivery = layer("delivery", "protocol", "config", "signing", "observability", "json",
            "request", "outbox", "model");

    // Called or referenced (System::nanoTime counts): the clock's nanoseconds, sleeping, and new threads.
    private static final DescribedPredicate<JavaAccess<?>> TIME_OR_THREADS = new DescribedPredicate<>(
            "Thread.sleep, new Thread, System.nanoTime or System.currentTimeMillis") {
        @Override
        public boolean test(JavaAccess<?> access) {
            String owner = access.getTargetOwner().getName();
            String name = access.getName();
            return owner.equals(Thread.class.getName()) && (name.equals("sleep") || name.equals("<init>"))
                    || owner.equals(System.class.getName()) && (name.equals("nanoTime")
                            || name.equals("currentTimeMillis"));
        }
    };

    /**
     * Time, waiting and threads come from {@code io.herald.internal.background}, so that background work is tested
     * exactly: nothing else reads the clock's nanoseconds, sleeps or makes a thread.
     */
    @ArchTest
    static final ArchRule onlyTheBackgroundPackageTouchesTimeAndThreads = noClasses()
            .that().resideOutsideOfPackage("io.herald.internal.background..")
            .should().accessTargetWhere(TIME_OR_THREADS);
}
