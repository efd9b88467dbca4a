package org.fondicasa.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quarkus lists the roles of {@code @RolesAllowed} as scopes of the bearer security requirement, but OpenAPI allows
 * scopes only for oauth2 and openIdConnect schemes: linters flag them and client generators misread them. The roles
 * move into the operation's description ("Roles: region-officer.") and the requirement keeps no scopes.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RolesInDescriptionFilter implements OASFilter {

    static final String ROLES = "Roles: ";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, SecurityScheme> schemes = openAPI.getComponents() == null ? null : openAPI.getComponents().getSecuritySchemes();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                moveScopes(operation, schemes);
            }
        }
    }

    private static void moveScopes(Operation operation, Map<String, SecurityScheme> schemes) {
        if (operation.getSecurity() == null) {
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> scheme : Map.copyOf(requirement.getSchemes()).entrySet()) {
                if (scheme.getValue() == null || scheme.getValue().isEmpty() || allowsScopes(schemes, scheme.getKey())) {
                    continue;
                }
                roles.addAll(scheme.getValue());
                requirement.addScheme(scheme.getKey(), new ArrayList<>());
            }
        }
        String description = operation.getDescription() == null ? "" : operation.getDescription().strip();
        // a description may state its roles itself (ClockResource's "Roles: any.")
        if (!roles.isEmpty() && !description.contains(ROLES)) {
            String sentence = ROLES + String.join(", ", roles) + ".";
            operation.setDescription(description.isEmpty() ? sentence : description + " " + sentence);
        }
    }

    private static boolean allowsScopes(Map<String, SecurityScheme> schemes, String name) {
        SecurityScheme scheme = schemes == null ? null : schemes.get(name);
        return scheme != null && (scheme.getType() == SecurityScheme.Type.OAUTH2 || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT);
    }
}
