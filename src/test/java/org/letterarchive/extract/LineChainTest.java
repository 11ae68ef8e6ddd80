package org.letterarchive.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.letterarchive.extract.LineLabeller.Tag;
import org.letterarchive.extract.TextLines.Line;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.sequence.SequenceExample;
import org.tribuo.sequence.SequenceModel;

/** The chain's own inference gives the shipped model's tags and probabilities as Tribuo's gives them, to the bit. */
class LineChainTest {

    private static CRFModel shipped() throws IOException {
        try (InputStream in = LineLabeller.class.getResourceAsStream(LineLabeller.RESOURCE)) {
            return (CRFModel) SequenceModel.deserializeFromStream(in);
        }
    }

    /** An invented letter: a heading, a greeting, prose, a closing and a list of signers of several shapes, long enough for several windows. */
    private static List<Line> letter() {
        StringBuilder b = new StringBuilder("Open letter on the river plan\n\nMarch 3, 2021\n\nTo: Minister Jane Roe\nMinistry of Rivers\n\nDear Minister,\n\n");
        for (int p = 0; p < 4; p++) {
            b.append("We write to you about the plan for the river, which was announced last week without any consultation. "
                    + "The people who live by the river have asked for a hearing many times, and we ask you to hear them.\n\n");
        }
        b.append("Sincerely,\n\n");
        String[] kinds = {"River Keepers Alliance (RKA)", "- Coalition for Clean Air, Chile", "Jane Example, Director, Example Fund",
            "12. Tenants United", "Open Valley Network", "Unión de Pescadores del Sur", "| 7 | Seed Savers Union | 2005 |"};
        for (int k = 0; k < 260; k++) b.append(kinds[k % kinds.length]).append(' ').append(k).append(k % 9 == 0 ? "\n\n" : "\n");
        b.append("\ncc: Office of the Governor\nExample County Council\n");
        return TextLines.of(b.toString());
    }

    @Test
    void tagsAndProbabilitiesAreTribuosToTheBit() throws IOException {
        CRFModel viterbi = shipped();
        CRFModel marginals = shipped();
        marginals.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
        LineChain chain = LineChain.of(viterbi);
        List<Line> lines = letter();
        List<List<String>> features = LineFeatures.of(lines);
        List<Example<Label>> examples = new ArrayList<>();
        for (List<String> f : features) examples.add(LineLabeller.example(f, LabelFactory.UNKNOWN_LABEL));
        double[][] scores = chain.scores(features);

        List<Prediction<Label>> predicted = viterbi.predict(new SequenceExample<>(examples));
        Tag[] tags = new Tag[lines.size()];
        for (int i = 0; i < tags.length; i++) tags[i] = Tag.valueOf(predicted.get(i).getOutput().getLabel());
        assertArrayEquals(tags, chain.best(scores));

        for (int[] window : new int[][] {{0, lines.size()}, {0, 140}, {100, 260}, {220, lines.size()}}) {
            List<Prediction<Label>> p = marginals.predict(new SequenceExample<>(new ArrayList<>(examples.subList(window[0], window[1]))));
            double[][] read = chain.marginals(scores, window[0], window[1]);
            for (int i = 0; i < p.size(); i++) {
                for (Tag t : Tag.values()) {
                    assertEquals(Double.doubleToRawLongBits(p.get(i).getOutputScores().get(t.name()).getScore()),
                            Double.doubleToRawLongBits(read[i][t.ordinal()]), "line " + (window[0] + i) + " " + t);
                }
            }
        }
    }
}
