package org.letterarchive.letter;

import java.util.List;

/**
 * That a letter's text was read from scans with OCR, and how well.
 *
 * @param pages      pages read with OCR
 * @param confidence Tesseract's mean word confidence over those pages, 0–100
 * @param languages  the OCR languages used (Tesseract codes, e.g. "eng", or "eng+spa+fra+por" where unsure)
 */
public record Ocr(int pages, double confidence, List<String> languages) {
    public Ocr {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
