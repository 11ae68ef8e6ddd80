package org.letterarchive.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.letterarchive.store.LetterStore;
import org.letterarchive.corpus.StoredLetter;
import org.letterarchive.letter.Letter;

/** The letter resources: metadata with text, and the original file. */
final class LetterController {

    private final LetterStore store;

    LetterController(LetterStore store) {
        this.store = store;
    }

    void get(Context ctx) {
        StoredLetter stored = find(ctx.pathParam("id"));
        ctx.json(view(stored));
    }

    void original(Context ctx) throws IOException {
        StoredLetter stored = find(ctx.pathParam("id"));
        Path file = store.originalPath(stored);
        if (!Files.exists(file)) throw ApiException.notFound("original file of letter " + stored.id());
        String name = stored.originalName() != null ? stored.originalName() : stored.storedAs();
        ctx.contentType(stored.contentType() == null ? "application/octet-stream" : stored.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName(name) + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        // an original (HTML above all) is never run as a page of this site, even when opened directly
        ctx.header("Content-Security-Policy", "sandbox");
        InputStream in = Files.newInputStream(file);
        ctx.result(in);
    }

    StoredLetter find(String id) {
        return store.get(id).orElseThrow(() -> ApiException.notFound("letter " + id));
    }

    Map<String, Object> view(StoredLetter stored) {
        Letter l = stored.letter();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("title", l.title());
        m.put("date", l.date() == null ? null : l.date().toString());
        m.put("dateSource", l.dateSource());
        m.put("language", l.language());
        m.put("format", l.format());
        m.put("file", stored.originalName());
        m.put("size", stored.size());
        m.put("ingestedAt", stored.ingestedAt() == null ? null : stored.ingestedAt().toString());
        m.put("recipients", l.recipients());
        m.put("signers", l.signers().stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("kind", s.kind().name());
            sm.put("acronym", s.acronym());
            sm.put("location", s.location());
            sm.put("affiliation", s.affiliation());
            sm.put("title", s.title());
            sm.put("raw", s.raw());
            sm.put("capacity", s.capacity() == null ? null : s.capacity().name());
            sm.put("confidence", s.confidence());
            sm.put("organization", store.organizationKey(s));
            return sm;
        }).toList());
        m.put("signerCount", l.signerCount());
        m.put("warnings", l.warnings());
        m.put("ocr", l.ocr());
        m.put("corrected", stored.corrections() != null && !stored.corrections().changesNothing());
        m.put("corrections", stored.corrections());
        // the review state: the analysis's confidences and doubts, settled once a curator corrected or reviewed it
        m.put("assessment", l.assessment());
        m.put("needsReview", l.needsReview());
        m.put("reviewed", stored.corrections() != null);
        m.put("unsure", org.letterarchive.search.ReviewQueue.UNSURE);
        m.put("text", l.text());
        m.put("fileUrl", "/api/letters/" + l.id() + "/file");
        return m;
    }

    private static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
