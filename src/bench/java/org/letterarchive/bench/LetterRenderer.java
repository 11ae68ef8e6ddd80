package org.letterarchive.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Renders a generated letter's text as a plain-text, HTML, DOCX or PDF file. */
public final class LetterRenderer {

    /** The file formats a generated letter can take. */
    public enum Format {
        txt("text/plain"), html("text/html"), docx("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        pdf("application/pdf");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private LetterRenderer() {}

    /**
     * The format of letter {@code i}: plain text, or with {@code mixed} about one letter in ten each as
     * PDF, DOCX and HTML.
     */
    public static Format formatOf(int i, boolean mixed) {
        if (!mixed) return Format.txt;
        return switch (Math.floorMod(i * 7 + 3, 10)) {
            case 0 -> Format.pdf;
            case 1 -> Format.docx;
            case 2 -> Format.html;
            default -> Format.txt;
        };
    }

    public static String fileName(CorpusGenerator.GeneratedLetter letter, Format format) {
        String base = letter.fileName();
        return base.substring(0, base.lastIndexOf('.') + 1) + format.name();
    }

    public static byte[] render(CorpusGenerator.GeneratedLetter letter, Format format) {
        try {
            return switch (format) {
                case txt -> letter.bytes();
                case html -> html(letter);
                case docx -> docx(letter);
                case pdf -> pdf(letter);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + letter.fileName() + " as " + format, e);
        }
    }

    private static byte[] html(CorpusGenerator.GeneratedLetter letter) {
        String lang = letter.truth().language();
        StringBuilder b = new StringBuilder(letter.text().length() + 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(letter.truth().title())).append("</title>\n</head>\n<body>\n");
        for (String line : letter.text().split("\n")) {
            if (line.isBlank()) continue;
            if (line.equals(letter.truth().title())) b.append("<h1>").append(escape(line)).append("</h1>\n");
            else b.append("<p>").append(escape(line)).append("</p>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] docx(CorpusGenerator.GeneratedLetter letter) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(letter.truth().title());
            for (String line : letter.text().split("\n")) {
                if (line.isBlank()) continue;
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static final float FONT_SIZE = 10.5f;
    private static final float LEADING = 14f;
    private static final float MARGIN = 60f;

    private static byte[] pdf(CorpusGenerator.GeneratedLetter letter) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        for (String para : letter.text().split("\n")) lines.addAll(wrap(encodable(font, para), font, width));
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(letter.truth().title());
            int i = 0;
            while (i < lines.size()) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, FONT_SIZE);
                    cs.setLeading(LEADING);
                    cs.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                    float y = PDRectangle.LETTER.getHeight() - MARGIN;
                    while (i < lines.size() && y > MARGIN) {
                        cs.showText(lines.get(i++));
                        cs.newLine();
                        y -= LEADING;
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The text with every character the standard font cannot show replaced by '?'. */
    private static String encodable(PDType1Font font, String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                b.append(c);
            } catch (IllegalArgumentException | IOException e) {
                b.append('?');
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static List<String> wrap(String para, PDType1Font font, float width) throws IOException {
        List<String> out = new ArrayList<>();
        if (para.isEmpty()) {
            out.add("");
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : para.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * FONT_SIZE > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }
}
