package org.casebook.ops.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A running Casebook's operations API, signed in as one operator. */
final class OpsClient {

    /** A request that did not get the answer the command needs, said as a person would read it. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    OpsClient(String url, String user, char[] password) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", authorization)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new Failed("Casebook at " + base + " refused the sign-in: check the user and the password.");
            }
            if (response.statusCode() == 403) {
                throw new Failed("This user may not run operations: it needs the role OPERATOR.");
            }
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (ConnectException e) {
            throw new Failed("Casebook does not answer at " + base + ": is it running, and is --url right?");
        } catch (IOException e) {
            throw new Failed("Casebook at " + base + " did not answer properly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted.");
        }
    }

    /** The problem document's message, or the status when there is none. */
    static String detail(Answer answer) {
        JsonNode detail = answer.body().path("detail");
        return detail.isTextual() ? detail.asText() : "Casebook answered " + answer.status() + ".";
    }
}
