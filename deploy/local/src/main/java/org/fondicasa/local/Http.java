package org.fondicasa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JSON calls the local system and its tests make to the services, as any client would. */
final class Http {

    /** Decimals read as written ("900.00" stays 900.00): money is compared to the cent and with its two decimals. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> send(String method, String url, String token, String json) {
        return send(method, url, token, json, "application/json");
    }

    static HttpResponse<String> send(String method, String url, String token, String body, String contentType) {
        HttpRequest.Builder request = request(url, token, "application/json");
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of a file, such as an Excel annex. */
    static HttpResponse<byte[]> download(String url, String token, String accept) {
        return send(request(url, token, accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(String url, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace(" ", "%20"))).timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        String method = request.method();
        URI url = request.uri();
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and insists on the expected status, saying what came back otherwise. */
    static String expect(int status, String method, String url, String token, String json) {
        return expect(status, method, url, token, json, "application/json");
    }

    static String expect(int status, String method, String url, String token, String body, String contentType) {
        HttpResponse<String> response = send(method, url, token, body, contentType);
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ", expected "
                    + status + ": " + response.body());
        }
        return response.body();
    }

    /** {@link #expect} with the answer parsed as JSON. */
    static JsonNode json(int status, String method, String url, String token, String json) {
        return parse(expect(status, method, url, token, json));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
