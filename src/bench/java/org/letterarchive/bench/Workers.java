package org.letterarchive.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a benchmark's worker threads, with their failures passed on as they were. */
final class Workers {

    private Workers() {}

    /** Waits for every future; an IOException or RuntimeException of a worker is rethrown unwrapped. */
    static void await(List<? extends Future<?>> futures) throws InterruptedException, IOException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                if (c instanceof RuntimeException re) throw re;
                throw new IllegalStateException(c);
            }
        }
    }
}
