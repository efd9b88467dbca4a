package org.fondicasa.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as application/problem+json. Client mistakes (bad JSON, unknown fields, wrong
 * types, constraint violations) are 400 with each violation listed; anything unexpected is a 500 whose body
 * carries only a reference to the log line, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = e.toProblem(path(uri));
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return respond(new Problem(Problem.type("validation"), "The request is not valid", 400,
                violations.size() + " field(s) are not valid", path(uri), violations));
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    // Quarkus REST has its own mapper for this subtype: a more specific one here takes precedence
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidParameter(ParameterConverters.InvalidParameterException e, UriInfo uri) {
        return respond(new Problem(Problem.type("invalid-parameter"), "A parameter cannot be read", 400,
                "Parameter '" + e.parameter() + "': " + e.getMessage(), path(uri),
                List.of(new Problem.Violation(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return respond(badJson(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z]+", "-");
        return respond(new Problem(Problem.type(slug), title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ConstraintViolationException cve = causeOf(e, ConstraintViolationException.class);
        if (cve != null && cve != e) {
            return constraintViolations(cve, uri);
        }
        String reference = UUID.randomUUID().toString();
        Problem refused = refusedByDatabase(e, reference, path(uri));
        if (refused != null) {
            // the input should have been refused before reaching the database: answer as the client's mistake, but log it
            LOG.warnf(e, "Refused by the database, reference %s, on %s: %s", reference, path(uri), refused.detail());
            return respond(refused);
        }
        LOG.errorf(e, "Unexpected error, reference %s, on %s", reference, path(uri));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "The service failed to handle the request; quote reference " + reference + " to the operators",
                path(uri), List.of()));
    }

    /**
     * The last line of defence: a value PostgreSQL refuses (data exception, SQLSTATE class 22) or a reference to a
     * row that does not exist (foreign key, 23503) is the client's mistake that a check upstream missed.
     */
    private static Problem refusedByDatabase(Throwable e, String reference, String instance) {
        java.sql.SQLException sql = causeOf(e, java.sql.SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        if (state == null) {
            return null;
        }
        String quote = " (reference " + reference + ")";
        if (state.startsWith("22")) {
            return new Problem(Problem.type("unstorable-value"), "A value cannot be stored", 400,
                    "A value in the request is out of range or not valid text" + quote, instance, List.of());
        }
        if (state.equals("23503")) {
            return new Problem(Problem.type("unknown-reference"), "Refers to something that does not exist", 422,
                    "The request refers to an object that does not exist" + quote, instance, List.of());
        }
        return null;
    }

    static Problem badJson(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException m ? pointer(m.getPath()) : "$";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = pointer(u.getPath());
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            message = "unknown field '" + u.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known);
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read " + describe(f.getValue()) + " as " + typeName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            message = "expected " + typeName(m.getTargetType()) + " here";
        } else if (e instanceof JsonParseException p) {
            field = "$";
            message = "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr() + ": " + p.getOriginalMessage();
        } else if (e instanceof JsonMappingException m && m.getCause() != null) {
            message = m.getCause().getMessage();
        } else {
            message = e.getOriginalMessage();
        }
        return new Problem(Problem.type("malformed-request"), "The request body cannot be read", 400,
                "The JSON body does not match what this endpoint expects", instance,
                List.of(new Problem.Violation(field, message)));
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return "$";
        }
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == java.time.LocalDate.class ? "date (YYYY-MM-DD)" : "date-time");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    static String fieldOf(ConstraintViolation<?> v) {
        // REST parameter paths look like "create.body.amount": keep what the client sent, not the Java method
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null) {
                parts.add((name == null ? "" : name) + "[" + node.getIndex() + "]");
            } else if (node.getKey() != null) {
                parts.add((name == null ? "" : name) + "[" + node.getKey() + "]");
            } else if (name != null) {
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "$" : parameter;
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "A valid bearer token is required", path(uri), List.of()))
                .build();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The problem as JSON text, for answers written below Jakarta REST (the router). */
    static String json(Problem problem) {
        try {
            return PLAIN.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
