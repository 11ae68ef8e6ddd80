package org.letterarchive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.List;

/** CSV lines as RFC 4180 wants them (written by Jackson's CSV writer), and safe to open in a spreadsheet. */
final class Csv {

    private static final ObjectWriter WRITER = new CsvMapper().writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private Csv() {}

    /** One line: cells joined by commas, quoted where they must be, ended by CRLF. */
    static String line(List<String> cells) {
        String[] safe = new String[cells.size()];
        for (int i = 0; i < safe.length; i++) safe[i] = defused(cells.get(i));
        try {
            return WRITER.writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe. */
    static String defused(String value) {
        if (value == null) return "";
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
