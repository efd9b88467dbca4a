package org.fondicasa.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few JSON calls the local system makes to its own services. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> send(String method, String url, String token, String json) {
        return send(method, url, token, json, "application/json");
    }

    static HttpResponse<String> send(String method, String url, String token, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace(" ", "%20"))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
