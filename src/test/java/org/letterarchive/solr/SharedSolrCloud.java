package org.letterarchive.solr;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.letterarchive.bench.LocalSolrCloud;

/**
 * One local SolrCloud (2 nodes and an embedded ZooKeeper, in a JVM of its own) for every test class of a test run
 * that asks for it: a {@link LocalSolrCloud} parameter of a {@code @BeforeAll} method of a class extended with this.
 * Started by the first class that needs it, kept in JUnit's root store and stopped when the run ends. Each class
 * keeps to a collection of its own; a class that stops a node starts it again before it ends.
 */
public final class SharedSolrCloud implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSolrCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedSolrCloud.class))
                .getOrComputeIfAbsent("cluster", k -> new Running(start()), Running.class).cluster();
    }

    private static LocalSolrCloud start() {
        long t0 = System.nanoTime();
        try {
            LocalSolrCloud cluster = LocalSolrCloud.start(2);
            System.out.printf("test SolrCloud up in %.1f s at %s%n", (System.nanoTime() - t0) / 1e9, cluster.zkHost());
            return cluster;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test SolrCloud started", e);
        }
    }

    /** The cluster in the store, closed when the store is (JUnit closes the store's AutoCloseable values). */
    private record Running(LocalSolrCloud cluster) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cluster.close();
        }
    }
}
