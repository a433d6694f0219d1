package com.csr.gateway.clients;

import com.csr.kit.web.RequestIds;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/**
 * Sends the id of the request being answered on with every call to a service ({@code X-Request-Id}), where the
 * service kit's key filter ({@code ApiKeyAuthentication}) takes it as its own: one id finds a request's log lines in
 * the gateway and in every service it called. Registered for every REST client as a {@link Provider}.
 */
@Provider
public class RequestIdForwarding implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null && !request.getHeaders().containsKey(RequestIds.HEADER)) {
            request.getHeaders().putSingle(RequestIds.HEADER, requestId.toString());
        }
    }
}
