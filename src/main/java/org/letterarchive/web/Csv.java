package org.letterarchive.web;

import java.util.List;

/** CSV cells as RFC 4180 wants them, and safe to open in a spreadsheet. */
final class Csv {

    private Csv() {}

    /** One line: cells joined by commas, ended by CRLF. */
    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /**
     * A cell: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
     * return) gets a leading apostrophe; a cell with a comma, quote or line break is quoted, inner quotes
     * doubled.
     */
    static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
