package org.letterarchive.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Where a snippet may begin or end: where a word begins after white space, and at the text's two ends. A snippet needs
 * only to be cut between words; the JDK's word instance also cuts around every punctuation mark, by rule tables read a
 * character at a time, and moving backwards through them was a third of highlighting's time. Unlike a single
 * separator ({@code CustomSeparatorBreakIterator}), any white space separates, so lists of one word per line
 * (signatures, PDF columns) are cut too.
 */
final class WordStartBreakIterator extends BreakIterator {

    private CharacterIterator text = new StringCharacterIterator("");
    private int current;

    @Override
    public int first() {
        return current = text.getBeginIndex();
    }

    @Override
    public int last() {
        return current = text.getEndIndex();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        if (current >= text.getEndIndex()) return DONE;
        return current = after(current);
    }

    @Override
    public int previous() {
        if (current <= text.getBeginIndex()) return DONE;
        return current = before(current);
    }

    @Override
    public int next(int n) {
        int at = current;
        for (; n > 0 && at != DONE; n--) at = next();
        for (; n < 0 && at != DONE; n++) at = previous();
        return at;
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        if (offset == text.getEndIndex()) {
            current = offset;
            return DONE;
        }
        return current = after(offset);
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        if (offset == text.getBeginIndex()) {
            current = offset;
            return DONE;
        }
        return current = before(offset);
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        boolean boundary = offset == text.getBeginIndex() || offset == text.getEndIndex()
                || !Character.isWhitespace(text.setIndex(offset)) && Character.isWhitespace(text.setIndex(offset - 1));
        current = boundary ? offset : after(offset);
        return boundary;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        current = newText.getBeginIndex();
    }

    private void checkOffset(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text [" + text.getBeginIndex()
                    + ", " + text.getEndIndex() + "]");
        }
    }

    /** The first boundary after {@code i} (which is before the end). */
    private int after(int i) {
        int end = text.getEndIndex();
        boolean gap = Character.isWhitespace(text.setIndex(i));
        for (int j = i + 1; j < end; j++) {
            boolean space = Character.isWhitespace(text.setIndex(j));
            if (gap && !space) return j;
            gap = space;
        }
        return end;
    }

    /** The last boundary before {@code i} (which is after the beginning). */
    private int before(int i) {
        int begin = text.getBeginIndex();
        boolean word = !Character.isWhitespace(text.setIndex(i - 1)); // whether text[j] is in a word
        for (int j = i - 1; j > begin; j--) {
            boolean wordBefore = !Character.isWhitespace(text.setIndex(j - 1));
            if (word && !wordBefore) return j;
            word = wordBefore;
        }
        return begin;
    }
}
