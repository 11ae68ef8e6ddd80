package org.letterarchive.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.letterarchive.extract.LineLabeller.Tag;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.protos.CRFModelProto;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

/**
 * The weights of a trained linear-chain CRF ({@link CRFModel}), read once, and inference over them: a line's
 * score for each tag, the most likely tags of a letter (Viterbi) and the probability of each line's tags over
 * a stretch of the chain (belief propagation). The arithmetic is Tribuo's, step for step and in the same order
 * (its {@code CRFParameters} and {@code ChainHelper}), so that tags and probabilities equal its own to the bit;
 * a letter's features are looked up once, where Tribuo looks them up again for every pass. Immutable.
 */
final class LineChain {

    /** how far under the best score a path is still counted, as Tribuo's sum of log probabilities counts it */
    private static final double LOG_TOLERANCE = 30.0;

    /** each feature's id by its name */
    private final StringTable ids;
    private final int tagCount;
    /** feature f's weight for tag t at [f * tagCount + t] */
    private final double[] weights;
    private final double[] biases;
    /** the weight of tag b following tag a at [a * tagCount + b] */
    private final double[] transitions;
    /** the tag of each of the model's label ids */
    private final Tag[] tags;

    private LineChain(StringTable ids, double[] weights, double[] biases, double[] transitions, Tag[] tags) {
        this.ids = ids;
        this.tagCount = tags.length;
        this.weights = weights;
        this.biases = biases;
        this.transitions = transitions;
        this.tags = tags;
    }

    /** The weights of a trained model. */
    static LineChain of(CRFModel model) {
        Tensor[] parameters;
        try {
            parameters = Parameters.deserialize(model.serialize().getSerializedData().unpack(CRFModelProto.class).getParams()).get();
        } catch (IOException e) {
            throw new UncheckedIOException("the line model's weights are unreadable", e);
        }
        DenseVector bias = (DenseVector) parameters[0];
        DenseMatrix featureWeights = (DenseMatrix) parameters[1], transitionWeights = (DenseMatrix) parameters[2];
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int n = labels.size(), featureCount = features.size();
        Tag[] tags = new Tag[n];
        double[] biases = new double[n], transitions = new double[n * n], weights = new double[featureCount * n];
        for (int t = 0; t < n; t++) {
            tags[t] = Tag.valueOf(labels.getOutput(t).getLabel());
            biases[t] = bias.get(t);
            for (int u = 0; u < n; u++) transitions[t * n + u] = transitionWeights.get(t, u);
        }
        Map<String, Integer> ids = new HashMap<>(featureCount * 2);
        for (int f = 0; f < featureCount; f++) {
            // interned, as the line features' fixed names are: a look-up of one finds the same string and compares no text
            ids.put(features.get(f).getName().intern(), f);
            for (int t = 0; t < n; t++) weights[f * n + t] = featureWeights.get(t, f);
        }
        return new LineChain(new StringTable(ids), weights, biases, transitions, tags);
    }

    /**
     * Each line's score for each label: the weights of its features the model knows, each feature once and added in
     * the order of their ids, then the label's bias (as Tribuo's sparse product adds them).
     */
    double[][] scores(List<List<String>> features) {
        double[][] out = new double[features.size()][];
        // a line's known features as bits by id: read in the order of their ids, each once, with no sort
        long[] known = new long[(weights.length / tagCount + 63) / 64];
        for (int i = 0; i < out.length; i++) {
            int lowest = known.length, highest = -1;
            for (String name : features.get(i)) {
                int id = ids.get(name, -1);
                if (id < 0) continue;
                int word = id >>> 6;
                known[word] |= 1L << id;
                lowest = Math.min(lowest, word);
                highest = Math.max(highest, word);
            }
            double[] s = new double[tagCount];
            for (int word = lowest; word <= highest; word++) {
                for (long bits = known[word]; bits != 0; bits &= bits - 1) {
                    int base = ((word << 6) + Long.numberOfTrailingZeros(bits)) * tagCount;
                    for (int t = 0; t < tagCount; t++) s[t] += weights[base + t];
                }
                known[word] = 0;
            }
            for (int t = 0; t < tagCount; t++) s[t] += biases[t];
            out[i] = s;
        }
        return out;
    }

    /** The most likely tag of each line (Viterbi), ties going to the lower label id as Tribuo breaks them. */
    Tag[] best(double[][] scores) {
        int n = scores.length, m = tagCount;
        Tag[] out = new Tag[n];
        if (n == 0) return out;
        int[][] back = new int[n][m];
        double[] cost = scores[0].clone(), next = new double[m];
        for (int i = 1; i < n; i++) {
            for (int to = 0; to < m; to++) {
                double max = Double.NEGATIVE_INFINITY, local = scores[i][to];
                int arg = -1;
                for (int from = 0; from < m; from++) {
                    double c = transitions[from * m + to] + cost[from] + local;
                    if (c > max) {
                        max = c;
                        arg = from;
                    }
                }
                next[to] = max;
                back[i][to] = Math.max(arg, 0);
            }
            double[] swap = cost;
            cost = next;
            next = swap;
        }
        int last = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < m; t++) {
            if (cost[t] > max) {
                max = cost[t];
                last = t;
            }
        }
        out[n - 1] = tags[last];
        for (int i = n - 2; i >= 0; i--) {
            last = back[i + 1][last];
            out[i] = tags[last];
        }
        return out;
    }

    /**
     * The probability of each tag of the lines from {@code from} to {@code to} (exclusive), read by belief
     * propagation over those lines alone: at [line - from][tag's ordinal] (0 for a tag the model has no label for).
     */
    double[][] marginals(double[][] scores, int from, int to) {
        int n = to - from, m = tagCount;
        double[][] alphas = new double[n][], betas = new double[n][];
        for (int i = 0; i < n; i++) {
            alphas[i] = scores[from + i].clone();
            betas[i] = new double[m];
            Arrays.fill(betas[i], Double.NEGATIVE_INFINITY);
        }
        double[] paths = new double[m];
        for (int i = 1; i < n; i++) {
            double[] alpha = alphas[i], previous = alphas[i - 1];
            for (int b = 0; b < m; b++) {
                for (int a = 0; a < m; a++) paths[a] = transitions[a * m + b] + previous[a];
                alpha[b] += sumLogProbs(paths);
            }
        }
        Arrays.fill(betas[n - 1], 0.0);
        for (int i = n - 2; i >= 0; i--) {
            double[] beta = betas[i], later = betas[i + 1], local = scores[from + i + 1];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) paths[b] = transitions[a * m + b] + later[b] + local[b];
                beta[a] = sumLogProbs(paths);
            }
        }
        double logZ = sumLogProbs(alphas[n - 1]);
        double[][] out = new double[n][Tag.values().length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < m; t++) out[i][tags[t].ordinal()] = Math.exp(alphas[i][t] + betas[i][t] - logZ);
        }
        return out;
    }

    /** log Σ exp(x): the largest term, and the others within {@value #LOG_TOLERANCE} of it added as Tribuo adds them. */
    private static double sumLogProbs(double[] x) {
        double max = x[0];
        int argMax = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > max) {
                max = x[i];
                argMax = i;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) return max;
        boolean added = false;
        double sum = 0.0, cutoff = max - LOG_TOLERANCE;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= cutoff && i != argMax && !Double.isInfinite(x[i])) {
                added = true;
                sum += Math.exp(x[i] - max);
            }
        }
        return added ? max + Math.log1p(sum) : max;
    }
}
