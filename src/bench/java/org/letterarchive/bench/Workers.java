package org.letterarchive.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Waiting for a benchmark's worker threads, with their failures passed on as they were. */
final class Workers {

    private Workers() {}

    /** One unit of a benchmark's work, by its number. */
    @FunctionalInterface
    interface Task {
        void run(int i) throws Exception;
    }

    /** Runs {@code task} for each number below {@code n} on a pool of {@code threads} threads, and waits for all. */
    static void onThreads(int threads, int n, Task task) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    task.run(k);
                    return null;
                }));
            }
            await(futures);
        } finally {
            pool.shutdownNow();
        }
    }

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
