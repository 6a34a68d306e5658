package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The package rules ARCHITECTURE.md states, checked on the compiled library: the API and SPI stand on their own, the
 * internal packages form no cycles, and only the extension package deals with CDI's extension SPI.
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
}
