package org.fondicasa.testing.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given: a request target with {@code %ZZ} or a raw NUL,
 * a header no library would let through, a body in a charset it claims not to have. Keeps the connection alive
 * between requests and opens a new one when the server closes it.
 */
public final class RawHttp implements AutoCloseable {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.timeoutMillis = timeoutMillis;
    }

    public record Header(String name, String value) {
    }

    /** What came back; {@code status} is -1 when nothing did (closed, reset or timed out), with the reason. */
    public record Answer(int status, List<Header> headers, byte[] body, String failure) {

        public String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Answer send(HostileRequest request) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                connect();
                out.write(request.bytes(host + ":" + port));
                out.flush();
                Answer answer = read(request.method().equals("HEAD"));
                if (answer == null) {
                    reset();
                    continue; // the server closed a kept-alive connection before our request: send it again once
                }
                if ("close".equalsIgnoreCase(answer.header("Connection"))) {
                    reset();
                }
                return answer;
            } catch (SocketTimeoutException e) {
                reset();
                return new Answer(-1, List.of(), new byte[0], "no answer within " + timeoutMillis + " ms");
            } catch (IOException e) {
                reset();
                if (attempt == 1) {
                    return new Answer(-1, List.of(), new byte[0], "connection failed: " + e.getMessage());
                }
            }
        }
        return new Answer(-1, List.of(), new byte[0], "the server closed the connection without an answer");
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
    }

    private Answer read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return null;
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<Header> headers = new ArrayList<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        Answer partial = new Answer(status, headers, new byte[0], null);
        if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return partial;
        }
        String length = partial.header("Content-Length");
        String encoding = partial.header("Transfer-Encoding");
        byte[] body;
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.strip()));
        } else {
            body = in.readAllBytes();
            reset();
        }
        return new Answer(status, headers, body, null);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used here
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private void reset() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
        socket = null;
    }

    @Override
    public void close() {
        reset();
    }
}
