package org.originlive.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;

/**
 * The frames of one broadcast as WebSocket wire bytes, encoded once and written as-is to every
 * viewer of the replica. Server frames are unmasked, so the bytes are the same for all sockets; an
 * uncompressed message (RSV1 unset) is valid even where permessage-deflate was negotiated.
 * Reference counted: the creator, each event-loop task and each socket write hold one reference.
 */
final class Batch {

    /** Vert.x clients refuse frames over 64 KiB by default, so longer messages are fragmented. */
    static final int MAX_FRAME_PAYLOAD = 65_535;

    private static final int FIN = 0x80;
    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;

    final int frames;
    final int size;
    final long createdNanos;
    private final ByteBuf wire;

    private Batch(ByteBuf wire, int frames, long createdNanos) {
        this.wire = wire;
        this.frames = frames;
        this.size = wire.readableBytes();
        this.createdNanos = createdNanos;
    }

    /** Encodes text messages (UTF-8 JSON) into one direct buffer, so no socket copies it again. */
    static Batch of(List<byte[]> messages) {
        int total = 0;
        for (byte[] m : messages) {
            total += encodedLength(m.length);
        }
        ByteBuf wire = ByteBufAllocator.DEFAULT.directBuffer(total, total);
        for (byte[] m : messages) {
            encode(wire, m);
        }
        return new Batch(wire, messages.size(), System.nanoTime());
    }

    /** A reference for one socket write; Netty releases it once written. */
    ByteBuf forWrite() {
        return wire.retainedDuplicate();
    }

    Batch retain() {
        wire.retain();
        return this;
    }

    void release() {
        wire.release();
    }

    static int encodedLength(int payload) {
        int length = 0;
        int left = payload;
        do {
            int chunk = Math.min(left, MAX_FRAME_PAYLOAD);
            length += headerLength(chunk) + chunk;
            left -= chunk;
        } while (left > 0);
        return length;
    }

    private static void encode(ByteBuf out, byte[] message) {
        int offset = 0;
        do {
            int chunk = Math.min(message.length - offset, MAX_FRAME_PAYLOAD);
            boolean last = offset + chunk == message.length;
            out.writeByte((last ? FIN : 0) | (offset == 0 ? TEXT : CONTINUATION));
            if (chunk < 126) {
                out.writeByte(chunk);
            } else {
                out.writeByte(126);
                out.writeShort(chunk);
            }
            out.writeBytes(message, offset, chunk);
            offset += chunk;
        } while (offset < message.length);
    }

    private static int headerLength(int chunk) {
        return chunk < 126 ? 2 : 4;
    }
}
