package org.fondicasa.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the parameter of an endpoint that says whose object it acts on: {@link TenancyGate} checks it against the caller
 * before the body is read, validated or anything is loaded. On a resource class it applies to every method of the class
 * (a parameter of the class's path); on a method, to that method. {@code @Tenant("istatCode")} is a municipality's ISTAT
 * code; {@code @Tenant(value = "protocol", owner = ApplicationOwner.class)} is an object whose owner a service's
 * {@link OwnerLookup} finds. An endpoint without it is open to every role its {@code @RolesAllowed} names: say why in
 * its description (public reference data, aggregates, the caller's own data read from the token).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Tenant.List.class)
public @interface Tenant {

    /** The parameter's name, as in the path template ({istatCode}) or the query (?istatCode=). */
    String value();

    /** Where the parameter is: a path parameter must be there; a query parameter left out is not checked. */
    In in() default In.PATH;

    /** Who owns what the value names; by default the value is itself a municipality's ISTAT code. */
    Class<? extends OwnerLookup> owner() default MunicipalityOwner.class;

    enum In { PATH, QUERY }

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Tenant[] value();
    }
}
