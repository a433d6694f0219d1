package com.csr.kit.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Says in each service's OpenAPI document what {@link ApiKeyAuthentication} enforces: every operation takes an API
 * key as a bearer token (so Swagger UI offers "Authorize"), except the ones that take none — the gateway's
 * {@code /health} and the admin API, which takes the admin key as a bearer token too. Registered with
 * {@code mp.openapi.filter}.
 */
public class BearerKeyDocumentation implements OASFilter {

    static final String SCHEME = "apiKey";
    private static final List<String> WITHOUT_TENANT_KEY = List.of("/health");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("csr_ API key")
                .description("A tenant's API key (csr_…), or on /admin/* the admin key (CSR_ADMIN_KEY)"));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (WITHOUT_TENANT_KEY.contains(path.getKey())) {
                for (Operation operation : path.getValue().getOperations().values()) {
                    operation.setSecurity(List.of());
                }
            }
        }
    }
}
