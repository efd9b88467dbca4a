package org.fondicasa.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request as it goes on the wire, named after what is wrong with it ("body: NUL in $.reference"), so a
 * failure reads as the case that broke.
 */
public record HostileRequest(String name, String method, String target, List<RawHttp.Header> headers, byte[] body) {

    public HostileRequest withHeader(String name, String value) {
        List<RawHttp.Header> copy = new ArrayList<>(headers.stream().filter(h -> !h.name().equalsIgnoreCase(name)).toList());
        if (value != null) {
            copy.add(new RawHttp.Header(name, value));
        }
        return new HostileRequest(this.name, method, target, List.copyOf(copy), body);
    }

    public HostileRequest named(String name) {
        return new HostileRequest(name, method, target, headers, body);
    }

    byte[] bytes(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + body.length);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (RawHttp.Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** For a failure report: the request line, the headers but the token, and the start of the body. */
    public String describe() {
        String text = new String(body, StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
        StringBuilder sb = new StringBuilder(method).append(' ').append(target.length() > 200 ? target.substring(0, 200) + "…" : target);
        headers.stream().filter(h -> !h.name().equalsIgnoreCase("Authorization"))
                .forEach(h -> sb.append("\n  ").append(h.name()).append(": ").append(h.value()));
        return sb.append("\n  ").append(shown.replace("\u0000", "\\u0000")).toString();
    }
}
