package org.newskg.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into document text the way the contract defines it: strict UTF-8, a leading
 * BOM removed, line endings untouched. Binary content is rejected before decoding, because
 * a NUL byte is valid UTF-8 and would otherwise pass as text.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * Decodes {@code bytes[from, to)}; positions in problems are {@code base + index}, so a
     * .jsonl line reports its offset in the whole file.
     */
    static String decode(byte[] bytes, int from, int to, long base) throws Rejection {
        if (to - from >= 2 && isUtf16Mark(bytes[from], bytes[from + 1])) {
            throw new Rejection(InputError.INVALID_UTF8, "byte " + base,
                    String.format("invalid UTF-8 (UTF-16 byte order mark 0x%02X 0x%02X; save the text as UTF-8)",
                            bytes[from] & 0xFF, bytes[from + 1] & 0xFF));
        }
        for (int i = from; i < to; i++) {
            if (isBinary(bytes[i])) {
                throw new Rejection(InputError.BINARY, "byte " + (base + i - from),
                        String.format("binary content (control byte 0x%02X)", bytes[i] & 0xFF));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int after = Math.min(bad + result.length(), to);
            StringBuilder detail = new StringBuilder(after - bad > 1 ? "bytes" : "byte");
            for (int i = bad; i < after; i++) {
                detail.append(String.format(" 0x%02X", bytes[i] & 0xFF));
            }
            detail.append(after < to ? String.format(" followed by 0x%02X", bytes[after] & 0xFF) : " at the end");
            throw new Rejection(InputError.INVALID_UTF8, "byte " + (base + bad - from), "invalid UTF-8 (" + detail + ")");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean isUtf16Mark(byte a, byte b) {
        return (a == (byte) 0xFF && b == (byte) 0xFE) || (a == (byte) 0xFE && b == (byte) 0xFF);
    }

    /** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
    private static boolean isBinary(byte b) {
        return (b >= 0 && b < 0x20 && !(b >= 0x09 && b <= 0x0D) && b != 0x1B) || b == 0x7F;
    }
}
