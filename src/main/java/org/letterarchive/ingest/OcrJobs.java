package org.letterarchive.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.letterarchive.corpus.Corpus;
import org.letterarchive.corpus.Json;
import org.letterarchive.extract.ScanReader;
import org.letterarchive.letter.LetterId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents waiting to be read with OCR, as background jobs that survive a restart. A job's id is the id its
 * letter will have (the SHA-256 of the bytes), so the same scan uploaded twice is one job.
 *
 * <p>On disk, in {@code corpus/jobs/}: {@code <id>.bin}, the original, and {@code <id>.json}, the job. Both are
 * written durably (forced, then moved into place) before the upload is answered 202, so an acknowledged
 * scan is never lost. Each page read is kept durably too, in {@code <id>.pages/<n>.json}, before it is counted
 * done. When the server starts, jobs that were queued or running are queued again and go on from the pages
 * they had read: those are not read again. Once a job is done (its letter stored, indexed and committed) or failed, its original is removed
 * from here (the corpus keeps it) and its record stays, so its status can still be asked for.
 */
public final class OcrJobs implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OcrJobs.class);
    private static final String ORIGINAL = ".bin";
    private static final String RECORD = ".json";
    private static final String PAGES = ".pages";

    public enum State { queued, running, done, failed, cancelled }

    /**
     * One job.
     *
     * @param id         the job's id: the id its letter will have
     * @param file       the file name it came with
     * @param archive    the ZIP it came in, or null
     * @param restore    whether a deleted letter of these bytes may come back
     * @param state      queued, running, done, failed or cancelled
     * @param pagesDone  pages read so far
     * @param pagesTotal pages to read
     * @param letterId   the letter, once stored and indexed
     * @param status     the HTTP status the document would have had when uploaded synchronously (201, 200, 4xx, 5xx)
     * @param error      why it failed
     */
    public record Job(String id, String file, String archive, boolean restore, State state, int pagesDone, int pagesTotal,
                      String letterId, Integer status, String error, Instant created, Instant updated) {

        Job with(State s, int done, int total) {
            return new Job(id, file, archive, restore, s, done, total, letterId, status, error, created, Instant.now());
        }

        Job finished(State s, String letter, int st, String why) {
            return new Job(id, file, archive, restore, s, pagesDone, pagesTotal, letter, st, why, created, Instant.now());
        }

        public boolean pending() {
            return state == State.queued || state == State.running;
        }
    }

    /** Reads one job's document: parse with OCR, analyse, store, index, commit. */
    @FunctionalInterface
    public interface Worker {
        IngestPipeline.Result run(byte[] bytes, Job job, ScanReader.Progress progress) throws IOException;
    }

    private final Path dir;
    private final Worker worker;
    private final java.util.function.ToIntFunction<Exception> statusOf;
    private final ExecutorService executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    /** Once closed, nothing more is recorded: a job stopped by a shutdown stays pending and resumes at the next start. */
    private volatile boolean closed;

    /** @param statusOf the HTTP status a refusal is answered with */
    OcrJobs(Path dir, Worker worker, int workers, java.util.function.ToIntFunction<Exception> statusOf) throws IOException {
        this.dir = dir;
        this.worker = worker;
        this.statusOf = statusOf;
        Files.createDirectories(dir);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "ocr-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Loads the jobs on disk and queues again those that were queued or running. Returns how many. */
    int resume() throws IOException {
        List<Job> pending = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.contains(".tmp-")) {
                    Files.deleteIfExists(f);
                    continue;
                }
                if (!name.endsWith(RECORD)) continue;
                Job job;
                try {
                    job = Json.mapper().readValue(f.toFile(), Job.class);
                } catch (IOException e) {
                    LOG.warn("unreadable OCR job {}: {}", f, e.getMessage());
                    continue;
                }
                if (!LetterId.isValid(job.id())) continue;
                if (job.pending() && !Files.exists(original(job.id()))) {
                    job = job.finished(State.failed, null, 500, "the original was lost before it was read");
                    write(job);
                }
                jobs.put(job.id(), job);
                if (job.pending()) pending.add(job);
            }
        }
        pending.sort(Comparator.comparing(Job::created));
        for (Job job : pending) {
            Job queued = job.with(State.queued, pagesRead(job.id()).size(), job.pagesTotal());
            jobs.put(job.id(), queued);
            write(queued);
            schedule(queued.id());
        }
        return pending.size();
    }

    /**
     * Stores the original and the job durably, then queues it. A job already pending for the same bytes is
     * returned as it is.
     */
    public synchronized Job submit(byte[] bytes, String file, String archive, boolean restore, int pages) throws IOException {
        String id = LetterId.of(bytes);
        Job existing = jobs.get(id);
        if (existing != null && existing.pending()) return existing;
        Instant now = Instant.now();
        Job job = new Job(id, file, archive, restore, State.queued, 0, pages, null, null, null, now, now);
        Corpus.writeDurably(original(id), bytes);
        write(job);
        jobs.put(id, job);
        schedule(id);
        return job;
    }

    public Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs, newest first. */
    public List<Job> list() {
        return jobs.values().stream().sorted(Comparator.comparing(Job::created).reversed()).toList();
    }

    /** Jobs waiting or being read. */
    public long pendingCount() {
        return jobs.values().stream().filter(Job::pending).count();
    }

    /**
     * Cancels a pending job: a queued one never starts, a running one has its parser process stopped. Returns
     * the job as it is now, or empty when there is no such job.
     */
    public synchronized Optional<Job> cancel(String id) throws IOException {
        Job job = jobs.get(id);
        if (job == null) return Optional.empty();
        if (!job.pending()) return Optional.of(job);
        Job cancelled = job.finished(State.cancelled, null, 499, "cancelled");
        jobs.put(id, cancelled);
        write(cancelled);
        Future<?> f = running.remove(id);
        if (f != null) f.cancel(true);
        Files.deleteIfExists(original(id));
        deletePages(id);
        return Optional.of(cancelled);
    }

    private void schedule(String id) {
        running.put(id, executor.submit(() -> run(id)));
    }

    private void run(String id) {
        Job job = jobs.get(id);
        if (job == null || job.state() != State.queued) return;
        try {
            byte[] bytes = Files.readAllBytes(original(id));
            Map<Integer, ScanReader.PageText> before = pagesRead(id);
            update(id, j -> j.with(State.running, before.size(), j.pagesTotal()), true);
            IngestPipeline.Result r = worker.run(bytes, job, new ScanReader.Progress() {
                @Override
                public void page(int done, int total) {
                    update(id, j -> j.with(State.running, done, total), false);
                }

                @Override
                public void read(ScanReader.PageText page) {
                    keepPage(id, page);
                }

                @Override
                public Map<Integer, ScanReader.PageText> known() {
                    return before;
                }
            });
            if (closed || Thread.currentThread().isInterrupted() || jobs.get(id).state() == State.cancelled) return;
            if (r.error() != null) {
                int status = statusOf.applyAsInt(r.error());
                update(id, j -> j.finished(State.failed, null, status, r.error().getMessage()), true);
            } else {
                update(id, j -> j.finished(State.done, r.stored().id(), r.created() ? 201 : 200, null), true);
            }
            Files.deleteIfExists(original(id));
            deletePages(id);
        } catch (IOException | RuntimeException e) {
            if (closed || jobs.get(id) != null && jobs.get(id).state() == State.cancelled) return;
            LOG.error("OCR job {} failed", id, e);
            update(id, j -> j.finished(State.failed, null, 500, "internal error: " + e.getClass().getSimpleName()), true);
        } finally {
            running.remove(id);
        }
    }

    private interface Change {
        Job apply(Job j);
    }

    /** Changes a job (not one cancelled meanwhile); state changes are written durably, page counts plainly. */
    private synchronized void update(String id, Change change, boolean durable) {
        Job j = jobs.get(id);
        if (closed || j == null || j.state() == State.cancelled) return;
        Job next = change.apply(j);
        jobs.put(id, next);
        try {
            if (durable) write(next);
            else Files.write(dir.resolve(id + RECORD + ".tmp-progress"), Json.mapper().writeValueAsBytes(next));
        } catch (IOException e) {
            LOG.warn("cannot record OCR job {}: {}", id, e.getMessage());
        }
        if (!durable) {
            try {
                Files.move(dir.resolve(id + RECORD + ".tmp-progress"), dir.resolve(id + RECORD), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("cannot record OCR job {}: {}", id, e.getMessage());
            }
        }
    }

    /** Keeps a page just read, durably, unless its job was cancelled meanwhile (or the jobs closed). */
    private synchronized void keepPage(String id, ScanReader.PageText page) {
        Job j = jobs.get(id);
        if (j == null || !j.pending() || page.page() < 1) return;
        try {
            Path folder = Files.createDirectories(pagesDir(id));
            Corpus.writeDurably(folder.resolve(page.page() + RECORD), Json.mapper().writeValueAsBytes(page));
        } catch (IOException e) {
            LOG.warn("cannot keep page {} of OCR job {}: {}", page.page(), id, e.getMessage());
        }
    }

    /** The pages of a job read before, by page number (none when it has not started or its pages are unreadable). */
    Map<Integer, ScanReader.PageText> pagesRead(String id) {
        Map<Integer, ScanReader.PageText> pages = new java.util.TreeMap<>();
        Path folder = pagesDir(id);
        if (!Files.isDirectory(folder)) return pages;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.matches("[0-9]{1,6}\\" + RECORD)) continue; // a write left unfinished by a stop: read that page again
                try {
                    ScanReader.PageText p = Json.mapper().readValue(f.toFile(), ScanReader.PageText.class);
                    if (p.page() == Integer.parseInt(name.substring(0, name.length() - RECORD.length()))) pages.put(p.page(), p);
                } catch (IOException e) {
                    LOG.warn("unreadable page {} of OCR job {}: read again", f, id);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the pages of OCR job {}: {}", id, e.getMessage());
        }
        return pages;
    }

    private void deletePages(String id) {
        Path folder = pagesDir(id);
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warn("cannot remove the pages of OCR job {}: {}", id, e.getMessage());
        }
    }

    private Path pagesDir(String id) {
        return dir.resolve(id + PAGES);
    }

    private void write(Job job) throws IOException {
        Corpus.writeDurably(dir.resolve(job.id() + RECORD), Json.mapper().writeValueAsBytes(job));
    }

    private Path original(String id) {
        return dir.resolve(id + ORIGINAL);
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
