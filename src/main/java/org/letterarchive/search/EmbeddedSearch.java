package org.letterarchive.search;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.letterarchive.index.IndexSchema;
import org.letterarchive.index.LetterIndex;
import org.letterarchive.letter.Letter;
import org.letterarchive.letter.Signer;

/**
 * The embedded Lucene index behind {@link SearchBackend}: the {@link SearchService} and the {@link LetterIndex}
 * it reads. Closing it leaves the index open (its store owns it).
 */
public final class EmbeddedSearch implements SearchBackend {

    private final LetterIndex index;
    private final SearchService service;

    /** Keeping no answers: every search is run. */
    public EmbeddedSearch(LetterIndex index, UnaryOperator<String> signerLabel) {
        this(index, signerLabel, () -> 0, 0);
    }

    /** @see SearchService#SearchService(LetterIndex, UnaryOperator, java.util.function.LongSupplier, int) */
    public EmbeddedSearch(LetterIndex index, UnaryOperator<String> signerLabel, java.util.function.LongSupplier namesVersion, int answers) {
        this.index = index;
        this.service = new SearchService(index, signerLabel, namesVersion, answers);
    }

    /** The service with what only the embedded index answers (match explanations, parsed queries). */
    public SearchService service() {
        return service;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public void index(Letter letter, Function<Signer, String> signerKey, IndexSchema.FamilyFields family) throws IOException {
        index.upsert(letter, signerKey);
    }

    @Override
    public void delete(String id) throws IOException {
        index.delete(id);
    }

    @Override
    public void deleteAll() throws IOException {
        index.deleteAll();
    }

    @Override
    public void commit() throws IOException {
        index.commit();
    }

    @Override
    public long count() throws IOException {
        return index.count();
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return service.search(request);
    }

    @Override
    public FacetLister.Page facetValues(String facet, String prefix, FacetLister.Order sort, int limit, SearchRequest filters) {
        return service.facets().list(facet, prefix, sort, limit, filters);
    }

    @Override
    public void export(SearchRequest request, int cap, Exporter.Sink sink) throws IOException {
        service.exporter().export(request, cap, sink);
    }

    @Override
    public void close() {
        // the index belongs to the store
    }
}
