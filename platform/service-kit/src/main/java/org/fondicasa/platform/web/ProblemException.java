package org.fondicasa.platform.web;

import java.util.List;

/** Thrown by services to answer a client with a problem+json; never carries a stack trace to the client. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

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

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }
}
