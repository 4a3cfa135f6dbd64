package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Map counts of a deck chain whose small labels ran the '@' into the count. */
class DeckCountsTest {

    private static ShapeReading deck(int depth) {
        ShapeReading l = new ShapeReading();
        l.depth = depth;
        l.params.put("filters", depth);
        return l;
    }

    /** "64@224x224" read "649@224x224" next to a "64@" deck is 64 maps. Before: 649, which hid the pooling after it. */
    @Test
    void countWithTheAtSignReadAsADigitIsTheNeighboursCount() {
        List<ShapeReading> chain = List.of(deck(64), deck(649), deck(64), deck(1289), deck(128));
        DeckParser.countsWithAtSignRead(chain);
        assertEquals(List.of(64, 64, 64, 128, 128), chain.stream().map(l -> l.depth).toList());
        assertEquals(64, chain.get(1).params.get("filters"));
    }

    /** An RGB input ("3") before 32 maps is no misreading: one-digit counts prefix real counts too often. */
    @Test
    void oneDigitNeighbourCountChangesNothing() {
        List<ShapeReading> chain = List.of(deck(3), deck(32), deck(6), deck(64));
        DeckParser.countsWithAtSignRead(chain);
        assertEquals(List.of(3, 32, 6, 64), chain.stream().map(l -> l.depth).toList());
    }

    /**
     * "C3: feature maps 164 10x10": the '@' read as 4 and lost as a separator, so only the filters hold the count.
     * Next to "16@5x5" it is 16. Before: 164 filters.
     */
    @Test
    void countReadOnlyAsFiltersIsCorrectedToo() {
        ShapeReading c3 = new ShapeReading();
        c3.params.put("filters", 164);
        List<ShapeReading> chain = List.of(deck(6), c3, deck(16));
        DeckParser.countsWithAtSignRead(chain);
        assertEquals(16, c3.params.get("filters"));
        assertEquals(16, c3.depth);
    }

    /**
     * "256@" read "2567@" over two decks in a row, an unreadable label between them and the "256@28x28" pooling: the
     * nearest counted deck mends the one beside it, which then mends the next. Before: both kept 2567 (their only
     * immediate neighbours were each other and the unreadable deck).
     */
    @Test
    void countIsMendedByTheNearestCountedDeckAcrossAnUnreadOne() {
        List<ShapeReading> chain = List.of(deck(128), deck(2567), deck(2567), new ShapeReading(), deck(256));
        DeckParser.countsWithAtSignRead(chain);
        assertEquals(List.of(128, 256, 256, -1, 256), chain.stream().map(l -> l.depth).toList());
        assertEquals(256, chain.get(1).params.get("filters"));
    }

    /**
     * "fc7 4096" read "4896" beside "fc6 4096" (seed 7 fig00191: a dotted zero read as 8), "236" beside "256": the
     * neighbour's power of two. LeNet's 120 beside 84, and 6 beside a grey input's 1, stay. Before: 4896 units, 236 maps.
     */
    @Test
    void sizeOneDigitOffANeighboursPowerOfTwoIsTheNeighbours() {
        List<ShapeReading> maps = List.of(deck(1), deck(6), deck(16), deck(256), deck(236), deck(120), deck(84));
        DeckParser.sizesWithOneDigitMisread(maps);
        assertEquals(List.of(1, 6, 16, 256, 256, 120, 84), maps.stream().map(l -> l.depth).toList());
        ShapeReading fc6 = bar(4096);
        ShapeReading fc7 = bar(4896);
        DeckParser.sizesWithOneDigitMisread(List.of(deck(512), fc6, fc7));
        assertEquals(4096, fc7.depth);
    }

    private static ShapeReading bar(int width) {
        ShapeReading l = new ShapeReading();
        l.depth = width;
        l.flat = true;
        return l;
    }
}
