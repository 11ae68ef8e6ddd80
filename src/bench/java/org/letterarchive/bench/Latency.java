package org.letterarchive.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Latency percentiles and throughput of one measured round, and the median of several rounds.
 *
 * @param p50Ms latency percentiles in milliseconds
 * @param qps   queries (requests) completed per second of wall time
 */
public record Latency(double p50Ms, double p95Ms, double p99Ms, double qps) {

    /** The figures of one round: per-query latencies in nanoseconds and the round's wall time. */
    public static Latency of(long[] nanos, long wallNanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no samples");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                nanos.length / (wallNanos / 1e9));
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** Each figure's median over rounds (the machine is shared: one round can be noisy). */
    public static Latency median(List<Latency> rounds) {
        return new Latency(median(rounds, Latency::p50Ms), median(rounds, Latency::p95Ms),
                median(rounds, Latency::p99Ms), median(rounds, Latency::qps));
    }

    static double median(List<Latency> rounds, ToDoubleFunction<Latency> f) {
        double[] v = rounds.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("no rounds");
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_ms", round(p50Ms));
        m.put("p95_ms", round(p95Ms));
        m.put("p99_ms", round(p99Ms));
        m.put("qps", round(qps));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
