package org.fondicasa.platform.web;

import java.util.List;

/** Thrown by services to answer a client with a problem+json; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private int retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(400, "validation", "The request is not valid", detail, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException unprocessable(String slug, String title, String detail, List<Problem.Violation> violations) {
        return new ProblemException(422, slug, title, detail, violations);
    }

    /** 503: the service cannot take the request now; nothing was done and the client may send it again after that many seconds. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        ProblemException e = new ProblemException(503, "unavailable", "Service busy", detail, List.of());
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** Seconds for a {@code Retry-After} header, 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }
}
