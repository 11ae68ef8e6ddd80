package org.letterarchive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.ExtractionException;
import org.letterarchive.extract.IngestLimits;
import org.letterarchive.extract.TrustedParser;
import org.letterarchive.ingest.Analysis;
import org.letterarchive.ingest.IngestPipeline;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Recipient;
import org.letterarchive.letter.Signer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `letters extract FILE...`: what the analysis finds in each file, storing nothing. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print what the letter analysis finds in each file; nothing is stored.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "documents to analyse")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per line (JSON Lines)")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper mapper = Json.mapper();
        IngestLimits limits = IngestLimits.defaults();
        int failed = 0;
        // the ingest pipeline's stages up to the analysis, parsing in this process; nothing is stored
        try (IngestPipeline pipeline = new IngestPipeline(null, limits, new TrustedParser(limits), Analysis.standard())) {
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                Letter letter = pipeline.extract(bytes, file.getFileName().toString());
                if (json) out.println(mapper.writeValueAsString(view(letter)));
                else printText(out, letter);
            } catch (ExtractionException | IOException e) {
                failed++;
                System.err.println(file + ": " + e.getMessage());
            }
        }
        }
        return failed == 0 ? 0 : 1;
    }

    /** The output contract of `extract --json`. */
    static Map<String, Object> view(Letter letter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", letter.file());
        m.put("id", letter.id());
        m.put("format", letter.format());
        m.put("language", letter.language());
        m.put("title", letter.title());
        m.put("date", letter.date() == null ? null : letter.date().toString());
        m.put("dateSource", letter.dateSource());
        m.put("recipients", letter.recipients().stream().map(ExtractCommand::recipient).toList());
        m.put("signers", letter.signers().stream().map(ExtractCommand::signer).toList());
        m.put("signerCount", letter.signerCount());
        m.put("warnings", letter.warnings());
        if (letter.assessment() != null) m.put("assessment", letter.assessment());
        return m;
    }

    private static Map<String, Object> recipient(Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("role", r.role());
        m.put("organization", r.organization());
        if (r.cc()) m.put("cc", true);
        if (r.confidence() != null) m.put("confidence", round(r.confidence()));
        return m;
    }

    private static Map<String, Object> signer(Signer s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", s.kind().name());
        m.put("acronym", s.acronym());
        m.put("location", s.location());
        m.put("affiliation", s.affiliation());
        if (s.title() != null) m.put("title", s.title());
        if (s.raw() != null) m.put("raw", s.raw());
        if (s.capacity() != null) m.put("capacity", s.capacity().name());
        if (s.confidence() != null) m.put("confidence", round(s.confidence()));
        return m;
    }

    private static double round(double c) {
        return Math.round(c * 1000) / 1000.0;
    }

    private static void printText(PrintStream out, Letter l) {
        out.println("== " + l.file() + " (" + l.format() + ", " + l.language() + ")");
        out.println("title:      " + l.title());
        out.println("date:       " + l.date() + (l.dateSource() == null ? "" : " (" + l.dateSource() + ")"));
        out.println("recipients: " + l.recipients().size());
        for (Recipient r : l.recipients()) {
            out.println("  - " + r.label() + (r.role() != null && r.name() != null ? " — " + r.role() : "") + (r.cc() ? " (cc)" : ""));
        }
        out.println("signers:    " + l.signerCount());
        for (Signer s : l.signers()) {
            StringBuilder b = new StringBuilder("  - ").append(s.name()).append(" [").append(s.kind()).append(']');
            if (s.acronym() != null) b.append(" (").append(s.acronym()).append(')');
            if (s.location() != null) b.append(" @ ").append(s.location());
            if (s.affiliation() != null) b.append(", ").append(s.affiliation());
            out.println(b);
        }
        for (String w : l.warnings()) out.println("warning:    " + w);
        out.println();
    }
}
