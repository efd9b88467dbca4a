package org.fondicasa.platform.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request line and the Content-Type are read strictly before anything else looks at them: a path or query
 * that does not decode to UTF-8 text without control characters is a 400, a Content-Type that cannot be parsed or
 * names a charset other than UTF-8 is a 415, each as problem+json naming the part. Syntax only: it says nothing
 * about whether the caller may act or whether the object exists.
 */
@Singleton
public class RequestSyntax {

    // RFC 9110: type "/" subtype *( OWS ";" OWS parameter ), parameter = token "=" ( token / quoted-string )
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|\"(?:[^\"\\\\\\x00-\\x08\\x0a-\\x1f\\x7f]|\\\\[\\x09\\x20-\\x7e])*\"))*[ \\t]*");
    private static final Pattern CHARSET = Pattern.compile("(?i);[ \\t]*charset=\"?([^\";]*)\"?");

    static Problem problem(HttpServerRequest request) {
        String uri = request.uri();
        try {
            // what Quarkus checks before routing (turned off with -Dvertx.disableURIValidation so that it is answered here)
            new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            String why = "the request target is not a valid URI: " + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "");
            return new Problem(Problem.type("malformed-path"), "The request path cannot be read", 400, why, null,
                    List.of(new Problem.Violation("path", why)));
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String why = pathProblem(path);
        if (why != null) {
            return new Problem(Problem.type("malformed-path"), "The request path cannot be read", 400,
                    why, null, List.of(new Problem.Violation("path", why)));
        }
        if (q >= 0) {
            Problem.Violation bad = queryProblem(uri.substring(q + 1));
            if (bad != null) {
                return new Problem(Problem.type("malformed-query"), "The query string cannot be read", 400,
                        "Query parameter '" + bad.field() + "': " + bad.message(), null, List.of(bad));
            }
        }
        for (String accept : request.headers().getAll(HttpHeaders.ACCEPT)) {
            String problem = acceptProblem(accept);
            if (problem != null) {
                return new Problem(Problem.type("malformed-header"), "A header cannot be read", 400,
                        problem, null, List.of(new Problem.Violation("Accept", problem)));
            }
        }
        List<String> types = request.headers().getAll(HttpHeaders.CONTENT_TYPE);
        if (!types.isEmpty()) {
            String problem = types.size() > 1 ? "more than one Content-Type header" : contentTypeProblem(types.get(0));
            if (problem != null) {
                return new Problem(Problem.type("unsupported-media-type"), "Unsupported Media Type", 415,
                        problem, null, List.of(new Problem.Violation("Content-Type", problem)));
            }
        }
        return null;
    }

    /**
     * First on the router, before any route with a path is matched (matching decodes the path, and a path that does
     * not decode ends there as a bare 400), before authentication and before Jakarta REST.
     */
    void first(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            Problem problem = problem(rc.request());
            if (problem == null) {
                rc.next();
            } else {
                send(rc.response(), problem);
            }
        });
        // whatever the router still refuses on its own leaves as problem+json too
        for (int status : new int[]{400, 404, 405, 406, 413, 414, 415, 431}) {
            router.errorHandler(status, rc -> {
                if (!rc.response().ended() && !rc.response().headWritten()) {
                    Response.Status known = Response.Status.fromStatusCode(status);
                    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
                    send(rc.response(), new Problem(Problem.type(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")),
                            title, status, "The request cannot be handled as sent", null, List.of()));
                }
            });
        }
    }

    private static void send(io.vertx.core.http.HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, NoStore.VALUE).putHeader("Pragma", "no-cache")
                .end(ProblemMappers.json(problem));
    }

    static String pathProblem(String rawPath) {
        String decoded;
        try {
            decoded = decode(rawPath, false);
        } catch (IllegalArgumentException e) {
            return "the path " + e.getMessage();
        }
        String why = StrictJson.unacceptableText(decoded);
        return why == null ? null : "the path holds a " + why.replace(" is not allowed in text", "");
    }

    static Problem.Violation queryProblem(String rawQuery) {
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = decode(rawName, true);
            } catch (IllegalArgumentException e) {
                return new Problem.Violation(visible(rawName), "the name " + e.getMessage());
            }
            if (StrictJson.unacceptableText(name) != null) {
                return new Problem.Violation(visible(name), StrictJson.unacceptableText(name));
            }
            if (eq >= 0) {
                try {
                    String value = decode(pair.substring(eq + 1), true);
                    String why = StrictJson.unacceptableText(value);
                    if (why != null) {
                        return new Problem.Violation(name, why);
                    }
                } catch (IllegalArgumentException e) {
                    return new Problem.Violation(name, "the value " + e.getMessage());
                }
            }
        }
        return null;
    }

    static String acceptProblem(String value) {
        if (value.isBlank()) {
            return null;
        }
        for (String range : value.split(",")) {
            if (!range.isBlank() && !MEDIA_TYPE.matcher(range.strip()).matches()) {
                return "'" + visible(range.strip()) + "' is not a media range (type/subtype; parameter=value)";
            }
        }
        return null;
    }

    static String contentTypeProblem(String value) {
        if (!MEDIA_TYPE.matcher(value).matches()) {
            return "'" + visible(value) + "' is not a media type (type/subtype; parameter=value)";
        }
        var charset = CHARSET.matcher(value);
        if (charset.find()) {
            String name = charset.group(1).strip().toLowerCase(Locale.ROOT);
            boolean json = value.toLowerCase(Locale.ROOT).matches("^[^;]*[/+]json\\b.*");
            if (json && !name.equals("utf-8") && !name.equals("utf8")) {
                // RFC 8259: JSON between systems is UTF-8
                return "charset '" + visible(charset.group(1)) + "' is not supported for JSON: send UTF-8";
            }
            if (!json && !supported(name)) {
                // text (CSV exported from a spreadsheet) may come in the charset the spreadsheet used, if Java knows it
                return "charset '" + visible(charset.group(1)) + "' is not supported";
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return java.nio.charset.Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Percent-decodes strictly: every escape two hex digits, the bytes valid UTF-8. */
    static String decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("has an incomplete %-escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("has an invalid %-escape '" + raw.substring(i, i + 3) + "'");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 once decoded");
        }
    }

    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(100).forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return sb.toString();
    }
}
