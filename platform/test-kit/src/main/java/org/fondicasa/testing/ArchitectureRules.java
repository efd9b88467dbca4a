package org.fondicasa.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.fondicasa.platform.domain.DomainCore;

import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service checks with ArchUnit over its own classes. The domain core is what is marked
 * {@link DomainCore}: a class with its nested types, or a whole package through its package-info.
 */
public final class ArchitectureRules {

    /** Frameworks, persistence, messaging and the HTTP / event edges of service-kit. */
    private static final String[] NOT_IN_THE_DOMAIN_CORE = {
            "io.quarkus..", "io.smallrye..", "io.vertx..",
            "jakarta.ws.rs..", "jakarta.persistence..", "org.hibernate..", "jakarta.transaction..",
            "jakarta.enterprise..", "jakarta.inject..",
            "org.apache.kafka..", "org.eclipse.microprofile.reactive..",
            "org.fondicasa.platform.web..", "org.fondicasa.platform.events.."};

    public static final DescribedPredicate<JavaClass> DOMAIN_CORE =
            DescribedPredicate.describe("are in the domain core (@DomainCore)", ArchitectureRules::inDomainCore);

    private ArchitectureRules() {
    }

    private static boolean inDomainCore(JavaClass c) {
        if (c.getPackage().isAnnotatedWith(DomainCore.class)) {
            return true;
        }
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (k.get().isAnnotatedWith(DomainCore.class)) {
                return true;
            }
        }
        return false;
    }

    /** The rules and calculations stay plain Java, testable in milliseconds without a server. */
    public static ArchRule domainCoreIsPlainJava() {
        return noClasses().that(DOMAIN_CORE)
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_THE_DOMAIN_CORE)
                .because("the domain core is plain Java: rules return RuleViolation, services map them to Problem");
    }

    /** Events are written by the services, in the transaction of the change they describe, not by the HTTP layer. */
    public static ArchRule resourcesLeaveTheOutboxToServices() {
        return noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.fondicasa.platform.events.Outbox")
                .because("a resource calls a service, and the service writes the change and its event");
    }
}
