package org.letterarchive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.detect.DefaultEncodingDetector;

/**
 * Text that decodes cleanly as UTF-8 is UTF-8: statistical detectors sometimes take short UTF-8
 * Spanish text for GB18030, and they are the slowest step of reading a plain-text letter. Pure
 * ASCII without NUL bytes is UTF-8 too. Anything else (UTF-16 without a byte-order mark, EBCDIC,
 * Latin-1, ...) goes to Tika's full chain of detectors.
 */
final class Utf8FirstEncodingDetector implements EncodingDetector {

    private static final int SNIFF = 64 * 1024;
    private final EncodingDetector fallback = new DefaultEncodingDetector();

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null || !input.markSupported()) return fallback.detect(input, metadata);
        input.mark(SNIFF);
        byte[] buf;
        try {
            buf = input.readNBytes(SNIFF);
        } finally {
            input.reset();
        }
        if (isUtf8(buf, buf.length, buf.length < SNIFF)) return StandardCharsets.UTF_8;
        return fallback.detect(input, metadata);
    }

    /**
     * True when the first {@code length} bytes are UTF-8 without NUL bytes ({@code complete}: they are the
     * whole document, else a window of it whose last character may be cut).
     */
    static boolean isUtf8(byte[] bytes, int length, boolean complete) {
        boolean nonAscii = false;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == 0) return false; // NUL bytes: UTF-16 or binary, for the full detector chain
            if (b < 0) nonAscii = true;
        }
        if (!nonAscii) return length > 0; // plain ASCII is valid UTF-8
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult r = decoder.decode(in, out, complete);
        if (r.isError()) return false;
        // a multi-byte sequence cut at the end of the sniffed window is fine
        return complete ? !decoder.flush(out).isError() : in.remaining() < 4;
    }
}
