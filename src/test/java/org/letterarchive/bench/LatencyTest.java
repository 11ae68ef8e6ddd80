package org.letterarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void nearestRankPercentilesAndThroughput() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> i * 1_000_000L).toArray(); // 1..100 ms
        Latency l = Latency.of(nanos, 2_000_000_000L);
        assertEquals(50.0, l.p50Ms());
        assertEquals(95.0, l.p95Ms());
        assertEquals(99.0, l.p99Ms());
        assertEquals(50.0, l.qps());
    }

    @Test
    void medianOfRoundsTakesEachFigureAlone() {
        Latency m = Latency.median(List.of(new Latency(1, 10, 100, 5), new Latency(3, 30, 300, 1), new Latency(2, 20, 900, 3)));
        assertEquals(new Latency(2, 20, 300, 3), m);
    }
}
