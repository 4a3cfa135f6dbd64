package org.paper2code.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberNormalizerTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', value = {
        "0.001; 0.001", ".5; 0.5", "1e-3; 0.001", "1.5E-4; 0.00015", "10^-3; 0.001", "10^{-3}; 0.001",
        "10**-4; 0.0001", "10\u22123; 0.001", "10\u2212 2; 0.01", "3×10^-4; 0.0003", "3 x 10^-4; 0.0003",
        "5 · 10\u22124; 0.0005", "5·10\u22124; 0.0005", "60 × 104; 600000", "1,000; 1000", "1k; 1000",
        "370K; 370000", "160k; 160000", "1.2M; 1200000", "1.2 million; 1200000", "one thousand; 1000",
        "ninety; 90", "twenty-five; 25", "two hundred and fifty six; 256", "70%; 0.7", "4 %; 0.04", "256; 256"})
    void parsesEveryWrittenForm(String text, double expected) {
        assertEquals(expected, NumberNormalizer.parse(text).orElseThrow(), 1e-12, text);
    }

    @Test
    void rejectsWhatIsNoNumber() {
        assertTrue(NumberNormalizer.parse("momentum").isEmpty());
        assertTrue(NumberNormalizer.parse("3 times").isEmpty());
        assertTrue(NumberNormalizer.parse("").isEmpty());
    }

    @Test
    void rewritesNumbersAndMapsBackToTheOriginal() {
        String text = "a learning rate of 3×10^-4 and weight decay 5 · 10\u22124, batch 1k.";
        NumberNormalizer.Rewritten rw = NumberNormalizer.rewrite(text);
        assertEquals("a learning rate of 0.0003 and weight decay 0.0005, batch 1000.", rw.text());
        int at = rw.text().indexOf("0.0005");
        assertEquals(text.indexOf("5 · 10"), rw.toOriginal(at));
        int end = rw.text().indexOf(", batch");
        assertEquals(text.indexOf(", batch"), rw.toOriginal(end));
    }

    @Test
    void leavesDimensionsAndSentenceEndsAlone() {
        assertEquals("224 × 224 crops", NumberNormalizer.rewrite("224 × 224 crops").text());
        assertEquals("set to 0.01.", NumberNormalizer.rewrite("set to 10\u22122.").text());
        assertEquals("3×3, 64 ×3", NumberNormalizer.rewrite("3×3, 64 ×3").text());
    }

    @Test
    void findsAllNumbersInASpan() {
        assertEquals(List.of(60000.0, 80000.0), NumberNormalizer.all("60k and 80k iterations"));
    }
}
