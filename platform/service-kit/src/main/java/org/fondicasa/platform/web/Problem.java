package org.fondicasa.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fondicasa.platform.domain.RuleViolation;

import java.util.List;

/** RFC 9457 problem details, with every violation of a request listed in {@code violations}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:fondicasa:problem:";

    /** One thing wrong with the request: where ({@code field}, a JSON path or row) and why. */
    public record Violation(String field, String message) {

        /** A broken domain rule, as the API reports it. */
        public static Violation of(RuleViolation broken) {
            return new Violation(broken.field(), broken.message());
        }
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
