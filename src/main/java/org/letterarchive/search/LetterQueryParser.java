package org.letterarchive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.letterarchive.index.IndexSchema;

/**
 * The archive's query language on top of Lucene's classic syntax: words (all required), "phrases",
 * AND/OR/NOT, {@code field:value} for title, text, signer and recipient, fuzzy ({@code asilo~}) and prefix
 * ({@code migra*}) terms. A bare word searches every field; title and text also search their light-stemmed
 * copies with a lower boost, so exact words score higher. Quoted text ("a phrase", "word") searches the exact
 * words only, as quoting does in most search engines (Elasticsearch's {@code quote_field_suffix}, Google's
 * verbatim quotes): the stemmed copies keep no positions. Leading wildcards, unknown fields and queries past
 * the limits are refused with a {@link SearchException} naming the limit.
 *
 * <p>Not thread-safe (like QueryParser): make one per parse.
 */
final class LetterQueryParser extends QueryParser {

    public static final int MAX_QUERY_LENGTH = 1000;
    /** Most terms, phrases and wildcards one query may hold. */
    public static final int MAX_CLAUSES = 64;
    /** Most wildcard, prefix, fuzzy or regular-expression terms in one query. */
    public static final int MAX_MULTI_TERMS = 8;
    /** Characters a prefix or wildcard needs before its first '*' or '?'. */
    public static final int MIN_PREFIX = 2;

    /** The user-visible fields and what each searches, with boosts. */
    private static final Map<String, Map<String, Float>> FIELDS = Map.of(
            IndexSchema.TITLE, ordered(IndexSchema.TITLE, 3f, IndexSchema.TITLE_STEM, 1.5f),
            IndexSchema.TEXT, ordered(IndexSchema.TEXT, 1f, IndexSchema.TEXT_STEM, 0.5f),
            IndexSchema.SIGNER_TEXT, ordered(IndexSchema.SIGNER_TEXT, 2f),
            IndexSchema.RECIPIENT_TEXT, ordered(IndexSchema.RECIPIENT_TEXT, 2f));

    /** Fields with boosts, in a fixed order (exact before stemmed), so the same text parses the same way. */
    private static Map<String, Float> ordered(Object... fieldsAndBoosts) {
        Map<String, Float> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndBoosts.length; i += 2) m.put((String) fieldsAndBoosts[i], (Float) fieldsAndBoosts[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
    private static final List<String> USER_FIELDS = List.of(IndexSchema.TITLE, IndexSchema.TEXT,
            IndexSchema.SIGNER_TEXT, IndexSchema.RECIPIENT_TEXT);
    private static final String ALL = "_all";

    private int clauses;
    private int multiTerms;

    LetterQueryParser(Analyzer analyzer, MultiTermQuery.RewriteMethod rewrite) {
        super(ALL, analyzer);
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(false);
        setSplitOnWhitespace(true); // each word may match in a different field
        setMultiTermRewriteMethod(rewrite);
    }

    /** Parses query text; blank means every letter. */
    static Query parse(String text, Analyzer analyzer) {
        return parse(text, analyzer, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    static Query parse(String text, Analyzer analyzer, MultiTermQuery.RewriteMethod rewrite) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new SearchException("query too long: " + text.length() + " characters, the limit is "
                    + MAX_QUERY_LENGTH);
        }
        LetterQueryParser parser = new LetterQueryParser(analyzer, rewrite);
        try {
            Query q = parser.parse(text);
            if (q == null) return new MatchAllDocsQuery(); // only stop characters, e.g. "-"
            if (onlyExclusions(q)) {
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
                for (BooleanClause c : ((BooleanQuery) q).clauses()) b.add(c);
                return b.build();
            }
            return q;
        } catch (ParseException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof SearchException se) throw new SearchException(se.getMessage(), e); // a refused limit
            }
            String msg = e.getMessage();
            int nl = msg.indexOf('\n');
            throw new SearchException("cannot parse the query: " + (nl > 0 ? msg.substring(0, nl) : msg)
                    + " (quote a phrase with \"…\", escape special characters with \\)", e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("query too complex: more than " + MAX_CLAUSES + " terms", e);
        } catch (TooComplexToDeterminizeException e) {
            throw new SearchException("regular expression too complex", e);
        } catch (IllegalArgumentException e) {
            throw new SearchException("cannot parse the query: " + e.getMessage(), e);
        }
    }

    /** "NOT x" alone: every letter without x (Lucene alone would match nothing). */
    private static boolean onlyExclusions(Query q) {
        if (!(q instanceof BooleanQuery bq) || bq.clauses().isEmpty()) return false;
        return bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
    }

    private static ParseException refuse(String message) {
        ParseException p = new ParseException(message);
        p.initCause(new SearchException(message));
        return p;
    }

    private void countClause() throws ParseException {
        if (++clauses > MAX_CLAUSES) {
            throw refuse("query too complex: more than " + MAX_CLAUSES + " terms, phrases and wildcards (limit "
                    + MAX_CLAUSES + ")");
        }
    }

    private void countMultiTerm(String what) throws ParseException {
        countClause();
        if (++multiTerms > MAX_MULTI_TERMS) {
            throw refuse("too many wildcard, fuzzy or regular-expression terms: at most " + MAX_MULTI_TERMS
                    + " per query (at '" + what + "')");
        }
    }

    private static Map<String, Float> targets(String field) throws ParseException {
        Map<String, Float> t = FIELDS.get(field);
        if (t == null) {
            throw refuse("unknown field '" + field + "': use title, text, signer or recipient (or escape the"
                    + " colon as \\:)");
        }
        return t;
    }

    // ---- words and phrases ----

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return overTargets(field, quoted, target -> super.getFieldQuery(target, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return overTargets(field, true, target -> withSlop(super.getFieldQuery(target, queryText, true), slop));
    }

    /**
     * A query per index field a user field searches, boosted, OR-ed together: the exact field and its stemmed
     * copy for a word, the exact field alone for quoted text.
     */
    private Query overTargets(String field, boolean quoted, FieldQuery perField) throws ParseException {
        countClause();
        List<String> fields = field.equals(ALL) ? USER_FIELDS : List.of(field);
        List<Query> parts = new ArrayList<>();
        for (String f : fields) {
            for (Map.Entry<String, Float> t : targets(f).entrySet()) {
                if (quoted && !t.getKey().equals(f)) continue; // each user field's exact index field has its name
                Query q = perField.query(t.getKey());
                if (q != null) parts.add(boost(q, t.getValue()));
            }
        }
        return disjunction(parts);
    }

    @FunctionalInterface
    private interface FieldQuery {
        Query query(String field) throws ParseException;
    }

    // ---- multi-term queries: exact (unstemmed) fields only ----

    private interface MultiTerm {
        Query on(String field) throws ParseException;
    }

    private Query overExactFields(String field, MultiTerm make) throws ParseException {
        List<String> fields = field.equals(ALL) ? USER_FIELDS : List.of(field);
        List<Query> parts = new ArrayList<>();
        for (String f : fields) {
            targets(f);
            Query q = make.on(f);
            if (q != null) parts.add(boost(q, FIELDS.get(f).get(f)));
        }
        return disjunction(parts);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        countMultiTerm(termStr + "*");
        if (termStr.length() < MIN_PREFIX) {
            throw refuse("prefix '" + termStr + "*' too short: put at least " + MIN_PREFIX + " letters before *");
        }
        return overExactFields(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if ("*".equals(field) && "*".equals(termStr)) return new MatchAllDocsQuery();
        countMultiTerm(termStr);
        int first = firstWildcard(termStr);
        if (first == 0) {
            throw refuse("leading wildcards are not allowed ('" + termStr + "'): start with at least "
                    + MIN_PREFIX + " letters, e.g. migra*");
        }
        if (first < MIN_PREFIX) {
            throw refuse("wildcard '" + termStr + "' too broad: put at least " + MIN_PREFIX
                    + " letters before the first * or ?");
        }
        return overExactFields(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        countMultiTerm(termStr + "~");
        if (termStr.length() < 3) throw refuse("fuzzy term '" + termStr + "~' too short: at least 3 letters");
        // plain term~ (the parser's default of 2): one edit for words of up to 5 letters, two for longer ones;
        // fewer false friends on short words, and far cheaper automata. term~1 asks for one edit explicitly.
        float edits = minSimilarity >= FuzzyQuery.defaultMaxEdits && termStr.length() <= 5 ? 1 : minSimilarity;
        return overExactFields(field, f -> super.getFuzzyQuery(f, termStr, edits));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        countMultiTerm("/" + termStr + "/");
        int first = firstRegexOperator(termStr);
        if (first < MIN_PREFIX) {
            throw refuse("regular expression /" + termStr + "/ too broad: start it with at least " + MIN_PREFIX
                    + " plain letters");
        }
        return overExactFields(field, f -> super.getRegexpQuery(f, termStr));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        throw refuse("range queries ([a TO b]) are not supported: use the from/to date filters");
    }

    private static Query withSlop(Query q, int slop) {
        if (slop == 0 || q == null) return q;
        if (q instanceof PhraseQuery pq) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
            Term[] terms = pq.getTerms();
            int[] positions = pq.getPositions();
            for (int i = 0; i < terms.length; i++) b.add(terms[i], positions[i]);
            return b.build();
        }
        if (q instanceof MultiPhraseQuery mpq) return new MultiPhraseQuery.Builder(mpq).setSlop(slop).build();
        return q;
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?') {
                return i;
            }
        }
        return s.length();
    }

    private static int firstRegexOperator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) return i;
        }
        return s.length();
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }

    private static Query disjunction(List<Query> parts) {
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) return parts.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query p : parts) b.add(p, BooleanClause.Occur.SHOULD);
        return b.build();
    }
}
