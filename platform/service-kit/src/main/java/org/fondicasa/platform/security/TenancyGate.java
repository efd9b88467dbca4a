package org.fondicasa.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.fondicasa.platform.web.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization first: whose object a request acts on is checked against the caller before the body is read,
 * deserialized or validated and before the resource method loads anything, so a caller who may not act there learns
 * nothing from the answer (issue #13, item 2).
 * <p>
 * Order of a request in Quarkus REST: the request line and Content-Type ({@code RequestSyntax}, syntax only), route
 * matching, the role check of {@code @RolesAllowed} (401 / 403, before any filter), <b>this gate</b> (a request filter
 * after matching: it knows the resource method and the path parameters, and runs before the body is read), then the
 * body, its Bean Validation and the method. The parameters it checks are declared with {@link Tenant} next to the
 * resources; the rule per role is {@link #admits}. The resource methods keep their own checks as a second line.
 * <p>
 * An {@link OwnerLookup} that queries the database needs a worker thread: it may serve blocking endpoints only (all
 * the endpoints with such parameters are).
 */
public class TenancyGate {

    private static final Set<String> ALL_ROLES = Set.of(Roles.REGION_OFFICER, Roles.MUNICIPALITY_OPERATOR, Roles.DESK_OPERATOR,
            Roles.CITIZEN, Roles.DASHBOARD);

    private final Caller caller;
    private final Instance<OwnerLookup> lookups;
    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();
    private final Map<Class<? extends OwnerLookup>, OwnerLookup> lookupBeans = new ConcurrentHashMap<>();

    public TenancyGate(Caller caller, Instance<OwnerLookup> lookups) {
        this.caller = caller;
        this.lookups = lookups;
    }

    /** What an endpoint declares: its tenancy parameters and the roles it lets in. */
    private record Declared(List<Tenant> tenants, Set<String> roles) {
    }

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Declared endpoint = declared.computeIfAbsent(method, m -> declared(resource.getResourceClass(), m));
        for (Tenant tenant : endpoint.tenants()) {
            String value = tenant.in() == Tenant.In.PATH
                    ? uri.getPathParameters().getFirst(tenant.value())
                    : uri.getQueryParameters().getFirst(tenant.value());
            if (value == null) {
                if (tenant.in() == Tenant.In.PATH) {
                    throw new IllegalStateException("@Tenant names {" + tenant.value() + "}, which the path of " + method + " does not have");
                }
                continue;
            }
            check(endpoint.roles(), lookup(tenant.owner()), value);
        }
    }

    private void check(Set<String> endpointRoles, OwnerLookup lookup, String value) {
        Optional<Owner> owner;
        try {
            owner = lookup.owner(value);
        } catch (IllegalArgumentException unreadable) {
            return; // the parameter's own reading answers 400: it names nothing, so it says nothing about anyone
        }
        OwnerLookup.Visibility visibility = lookup.visibility();
        boolean personal = visibility == OwnerLookup.Visibility.PRIVATE;
        if (owner.isEmpty()) {
            throw ProblemException.notFound("No " + lookup.describe(value) + (personal ? " that you may see" : ""));
        }
        String istat = caller.istatCode().orElse(null);
        String fiscalCode = caller.fiscalCode().orElse(null);
        for (String role : endpointRoles) {
            if (caller.has(role) && admits(role, owner.get(), visibility, istat, fiscalCode, caller.name())) {
                return;
            }
        }
        if (personal) {
            throw ProblemException.notFound("No " + lookup.describe(value) + " that you may see");
        }
        if (owner.get().municipality() == null) {
            throw ProblemException.forbidden("Only the region acts on " + lookup.describe(value) + ": it is the region's own");
        }
        throw ProblemException.forbidden("You may act only for your own municipality" + (istat == null ? "" : " (" + istat + ")"));
    }

    /**
     * Whether one role of the caller lets them act on an object of this owner. The region acts everywhere; an
     * operator for their municipality; a desk operator for their municipality and on the region's public objects, and
     * on a personal object only if they filed it; a citizen on a personal object only if it is about them, on public
     * objects as their role allows, never as a municipality; the dashboard on public objects only.
     */
    static boolean admits(String role, Owner owner, OwnerLookup.Visibility visibility, String callerIstat, String callerFiscalCode,
                          String callerName) {
        boolean ownMunicipality = owner.municipality() != null && owner.municipality().equals(callerIstat);
        return switch (role) {
            case Roles.REGION_OFFICER -> true;
            case Roles.MUNICIPALITY_OPERATOR -> ownMunicipality;
            case Roles.DESK_OPERATOR -> switch (visibility) {
                case PRIVATE -> owner.filedBy() != null && owner.filedBy().equals(callerName);
                case PUBLIC -> owner.municipality() == null || ownMunicipality;
                case MUNICIPALITY -> ownMunicipality;
            };
            case Roles.CITIZEN -> switch (visibility) {
                case PRIVATE -> owner.person() != null && owner.person().equals(callerFiscalCode);
                case PUBLIC -> true;
                case MUNICIPALITY -> false;
            };
            case Roles.DASHBOARD -> visibility == OwnerLookup.Visibility.PUBLIC;
            default -> false;
        };
    }

    private OwnerLookup lookup(Class<? extends OwnerLookup> type) {
        return lookupBeans.computeIfAbsent(type, t -> lookups.select(t).get());
    }

    private static Declared declared(Class<?> resourceClass, Method method) {
        List<Tenant> tenants = new ArrayList<>();
        if (resourceClass != null) {
            tenants.addAll(Arrays.asList(resourceClass.getAnnotationsByType(Tenant.class)));
        }
        tenants.addAll(Arrays.asList(method.getAnnotationsByType(Tenant.class)));
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && resourceClass != null) {
            roles = resourceClass.getAnnotation(RolesAllowed.class);
        }
        return new Declared(List.copyOf(tenants), roles == null ? ALL_ROLES : Set.of(roles.value()));
    }
}
