package org.fondicasa.application;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.fondicasa.testing.PlatformTestResource;

/**
 * Real PostgreSQL, Kafka and OIDC issuer for every @QuarkusTest of this module (one application start), and a stand-in
 * for allocation-service's reservations.
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "application"))
@QuarkusTestResource(value = AllocationStandIn.class, restrictToAnnotatedClass = false)
public final class TestServers {
    private TestServers() {
    }
}
