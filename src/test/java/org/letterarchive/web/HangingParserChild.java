package org.letterarchive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.letterarchive.extract.ParserChild;

/**
 * The parser process of the upload tests: the real one, except that a document holding
 * {@link UploadTestServer#HANG_MARKER} makes it loop forever, so the timeout path runs against a real process.
 */
public final class HangingParserChild {

    private HangingParserChild() {}

    public static void main(String[] args) throws IOException {
        ParserChild.serve((parser, content, name, settledType) -> {
            if (new String(content, StandardCharsets.ISO_8859_1).contains(UploadTestServer.HANG_MARKER)) hangForever();
            return ParserChild.parse(parser, content, name, settledType);
        });
    }

    @SuppressWarnings("InfiniteLoopStatement")
    private static void hangForever() {
        long spin = 0;
        while (true) {
            spin++;
            if (spin % 1_000_000_000L == 0) Thread.onSpinWait();
        }
    }
}
