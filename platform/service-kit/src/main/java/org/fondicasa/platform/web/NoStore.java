package org.fondicasa.platform.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * No answer of these services is kept by a browser or a proxy: most carry someone's fiscal code, IBAN, ISEE or
 * income, and the rest are per-caller views behind a token. One rule for all is safer than a list that forgets one.
 * Set when the headers leave, on the router, so that answers no Jakarta REST filter sees (a server-sent event
 * stream, the OIDC layer's 401) carry it too.
 */
@Singleton
public class NoStore {

    static final String VALUE = "no-store";

    void everyAnswer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set(HttpHeaders.CACHE_CONTROL, VALUE).set("Pragma", "no-cache"));
            rc.next();
        });
    }
}
