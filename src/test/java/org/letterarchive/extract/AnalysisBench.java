package org.letterarchive.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Development harness, not a test: measures the letter analysis apart from Tika over a folder of
 * letters, or prints the body lines the analysis sees for one file.
 * <pre>
 *   java -cp target/test-classes:target/classes:... org.letterarchive.extract.AnalysisBench bench DIR [ROUNDS]
 *   java -cp ... org.letterarchive.extract.AnalysisBench lines FILE
 * </pre>
 */
public final class AnalysisBench {

    private AnalysisBench() {}

    public static void main(String[] args) throws Exception {
        DocumentParser parser = new DocumentParser();
        if (args.length >= 2 && args[0].equals("lines")) {
            ParsedDocument doc = parser.parse(Files.readAllBytes(Path.of(args[1])), Path.of(args[1]).getFileName().toString());
            FrontMatter front = FrontMatter.read(doc.text());
            List<TextLines.Line> lines = TextLines.of(doc.text().substring(front.bodyStart()));
            for (int i = 0; i < lines.size(); i++) System.out.println(i + "\t" + lines.get(i).raw());
            return;
        }
        if (args.length >= 2 && args[0].equals("meta")) {
            for (int f = 1; f < args.length; f++) {
                ParsedDocument doc = parser.parse(Files.readAllBytes(Path.of(args[f])), Path.of(args[f]).getFileName().toString());
                System.out.println("== " + args[f]);
                doc.metadata().forEach((k, v) -> { if (k.toLowerCase().contains("title") || k.contains("heading")) System.out.println(k + " = " + v); });
            }
            return;
        }
        if (args.length >= 2 && args[0].equals("lang")) {
            LanguageDetector detector = new LanguageDetector();
            try (var files = Files.list(Path.of(args[1]))) {
                for (Path p : files.sorted().toList()) {
                    ParsedDocument d = parser.parse(Files.readAllBytes(p), p.getFileName().toString());
                    String body = d.text().substring(FrontMatter.read(d.text()).bodyStart());
                    String text = String.join("\n", TextLines.of(body).stream().map(TextLines.Line::clean).toList());
                    System.out.println(p.getFileName() + "\t" + LanguageDetector.byFunctionWords(text) + "\t" + detector.detect(text)
                            + "\t" + java.util.Arrays.toString(LanguageDetector.counts(text)));
                }
            }
            return;
        }
        if (args.length < 2 || !args[0].equals("bench")) {
            System.err.println("usage: AnalysisBench bench DIR [ROUNDS] | lines FILE");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<ParsedDocument> docs = new ArrayList<>();
        long chars = 0;
        try (var files = Files.list(Path.of(args[1]))) {
            for (Path p : files.sorted().toList()) {
                ParsedDocument d = parser.parse(Files.readAllBytes(p), p.getFileName().toString());
                docs.add(d);
                chars += d.text().length();
            }
        }
        LetterAnalyzer analyzer = new LetterAnalyzer();
        for (int r = 0; r < rounds / 4 + 1; r++) for (ParsedDocument d : docs) analyzer.analyze(d, "x", "x");
        // CPU time of this thread: the machine may be busy with other work
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) for (ParsedDocument d : docs) analyzer.analyze(d, "x", "x");
        double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / rounds / docs.size();
        double per6k = ms * 6000.0 / (chars / (double) docs.size());
        System.out.printf("%d letters, mean %.0f chars: %.3f ms CPU per letter, %.3f ms per 6 KB%n",
                docs.size(), chars / (double) docs.size(), ms, per6k);
    }
}
