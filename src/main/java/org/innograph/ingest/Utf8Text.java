package org.innograph.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that must be UTF-8 (SPARQL, Turtle, N-Triples, JSON-LD, CSV). Decoders elsewhere quietly turn bad bytes
 * into U+FFFD and store them; here they are refused, with the place of the first one.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** @throws InvalidUtf8Exception at the first byte that is not UTF-8 */
    public static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception(bytes, buffer.position());
        }
    }

    /** Checks without keeping the decoded text. */
    public static void require(byte[] bytes) {
        decode(bytes);
    }

    /** Bytes that are not UTF-8; the message names the byte offset (from 0), its line and its value. */
    public static final class InvalidUtf8Exception extends RuntimeException {

        private final long line;

        InvalidUtf8Exception(byte[] bytes, int offset) {
            super(describe(bytes, offset));
            this.line = lineOf(bytes, offset);
        }

        public long line() {
            return line;
        }

        private static String describe(byte[] bytes, int offset) {
            return String.format("not valid UTF-8 at byte %d (line %d): byte 0x%02X; send the text encoded as UTF-8",
                    offset, lineOf(bytes, offset), offset < bytes.length ? bytes[offset] & 0xFF : 0);
        }

        private static long lineOf(byte[] bytes, int offset) {
            long line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
