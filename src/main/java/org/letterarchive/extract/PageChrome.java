package org.letterarchive.extract;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;

/**
 * A web page's chrome: the HTML5 sectioning elements that hold site navigation, side bars and page
 * footers rather than the document ({@code nav}, {@code aside}, {@code footer}, {@code menu}). Tika's
 * default mapping drops these element names but keeps their text; this mapping passes them on, so
 * the block reader can leave their text out of the letter.
 */
final class PageChrome {

    static final Set<String> ELEMENTS = Set.of("nav", "aside", "footer", "menu");

    static final HtmlMapper MAPPER = new DefaultHtmlMapper() {
        @Override
        public String mapSafeElement(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return ELEMENTS.contains(lower) ? lower : super.mapSafeElement(name);
        }
    };

    private PageChrome() {}
}
