package org.paper2code.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Rect;

/** Pieces of one deck found apart, joined; separate decks and vector bars kept apart. */
class DeckPiecesTest {
    /**
     * Outlined sheets (tune figure 00158, AlexNet): where the projection lines cross the back sheets, their edges are
     * found as a narrow piece 5-7 px before the front sheet. Before: an extra deck that split the chain.
     */
    @Test
    void backSheetsSliverJoinsItsDeck() {
        List<Rect> shapes = List.of(new Rect(176, 70, 12, 52), new Rect(193, 65, 64, 76), new Rect(317, 77, 47, 57),
                new Rect(510, 79, 12, 31), new Rect(529, 92, 37, 36));
        List<Rect> joined = DeckParser.joinedPieces(shapes);
        assertEquals(List.of(new Rect(176, 65, 81, 76), new Rect(317, 77, 47, 57), new Rect(510, 79, 56, 49)), joined);
    }

    /** A vector bar after a deck, or before one with a clear gap, is a layer of its own. */
    @Test
    void barsStayApart() {
        List<Rect> shapes = List.of(new Rect(916, 86, 29, 39), new Rect(950, 80, 8, 39), new Rect(1014, 39, 10, 123),
                new Rect(1040, 60, 60, 60));
        assertEquals(shapes, DeckParser.joinedPieces(shapes));
    }
}
