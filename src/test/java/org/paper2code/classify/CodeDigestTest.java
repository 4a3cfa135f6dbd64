package org.paper2code.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The synthetic feature cache is keyed by the code that makes the figures, so a generator change misses it. */
class CodeDigestTest {

    @Test
    void theDigestFollowsTheClassesOfThePackagesNamed() {
        String synth = CodeDigest.of(TrainClassifier.class, List.of("org.paper2code.synth"));
        assertTrue(synth.matches("[0-9a-f]{12}"), synth);
        assertEquals(synth, CodeDigest.of(TrainClassifier.class, List.of("org.paper2code.synth")), "same classes, same key");
        assertNotEquals(synth, CodeDigest.of(TrainClassifier.class, List.of("org.paper2code.synth", "org.paper2code.graph")));
        // a package with no classes adds nothing: the key is over class files, not over the names asked for
        assertEquals(synth, CodeDigest.of(TrainClassifier.class, List.of("org.paper2code.synth", "org.paper2code.nosuchpackage")));
    }
}
