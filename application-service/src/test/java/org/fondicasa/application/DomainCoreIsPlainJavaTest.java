package org.fondicasa.application;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of the calls (eligibility, DM 7/6/1999, ranking, first-come funding) stay plain Java, testable in milliseconds. */
class DomainCoreIsPlainJavaTest {

    private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fondicasa.application");

    @Test
    void the_domain_core_imports_no_framework() {
        noClasses().that().haveNameMatching(".*\\.(eligibility\\..*|ranking\\.Ranking(\\$.*)?|funding\\.FirstComeFunding(\\$.*)?"
                        + "|call\\.CallRules.*|call\\.CallKind.*|call\\.Rule|call\\.DeclaredFact|call\\.FactGroup|call\\.RequiredDocuments"
                        + "|application\\.ApplicationForm.*)")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.ws.rs..", "jakarta.persistence..",
                        "org.apache.kafka..", "io.smallrye..", "org.hibernate..", "jakarta.enterprise..", "jakarta.transaction..")
                .check(classes);
    }
}
