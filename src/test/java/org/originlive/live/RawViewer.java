package org.originlive.live;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A viewer on a plain TCP socket: it does the WebSocket handshake by hand and then reads only when
 * told to, so a test can stall it like a phone that stopped reading, or see a refused handshake.
 */
final class RawViewer implements AutoCloseable {

    final int status;
    final Map<String, String> headers;
    private final Socket socket;
    private final DataInputStream in;

    private RawViewer(Socket socket, int status, Map<String, String> headers) throws IOException {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.in = new DataInputStream(socket.getInputStream());
    }

    static RawViewer open(String saleId) {
        return open(saleId, 64 * 1024);
    }

    /** Connects with a small receive window, so unread frames pile up on the server quickly. */
    static RawViewer open(String saleId, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBuffer);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("localhost", RestAssured.port), 10_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET /ws/sales/" + saleId + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RestAssured.port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String[] head = readHead(socket).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(
                        head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim());
            }
            return new RawViewer(socket, Integer.parseInt(head[0].split(" ")[1]), headers);
        } catch (IOException e) {
            throw new IllegalStateException("Handshake failed", e);
        }
    }

    /** The body of a refused handshake (its Content-Length bytes). */
    String body() throws IOException {
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Reads frames until the server's close frame and returns its status code (-1: closed without one). */
    int readUntilClose() throws IOException {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int length = in.readUnsignedByte() & 0x7F;
                long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
                byte[] payload = new byte[(int) size];
                in.readFully(payload);
                if ((first & 0x0F) == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                }
            }
        } catch (EOFException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // Byte by byte, so not one byte of the first frame is consumed with the head.
    private static String readHead(Socket socket) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        var in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed during the handshake");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
