package org.fondicasa.platform.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * No answer of these services is kept by a browser or a proxy: most carry someone's fiscal code, IBAN, ISEE or
 * income, and the rest are per-caller views behind a token. One rule for all is safer than a list that forgets one.
 */
public class NoStore {

    static final String VALUE = "no-store";

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, VALUE);
        response.getHeaders().putSingle("Pragma", "no-cache");
    }
}
