package org.fondicasa.allocation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.fondicasa.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The service's classes against the shared rules: see {@link ArchitectureRules} and the classes marked @DomainCore. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fondicasa.allocation");

    @Test
    void theDomainCoreImportsNoFramework() {
        ArchitectureRules.domainCoreIsPlainJava().check(classes);
    }

    @Test
    void resourcesLeaveTheOutboxToServices() {
        ArchitectureRules.resourcesLeaveTheOutboxToServices().check(classes);
    }
}
