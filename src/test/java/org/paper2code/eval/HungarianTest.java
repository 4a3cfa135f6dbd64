package org.paper2code.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HungarianTest {
    @Test
    void squareMatrixGetsTheOptimalAssignment() {
        // all six permutations: 18, 10, 14, 17, 14, 25; the optimum 10 is [0->0, 1->2, 2->1]
        double[][] c = {{1, 2, 9}, {3, 8, 7}, {8, 2, 9}};
        assertArrayEquals(new int[] {0, 2, 1}, Hungarian.solve(c));
    }

    @Test
    void moreColumnsThanRows() {
        double[][] c = {{5, 1, 9, 9}, {1, 5, 9, 9}};
        assertArrayEquals(new int[] {1, 0}, Hungarian.solve(c));
    }

    @Test
    void moreRowsThanColumnsLeavesRowsUnassigned() {
        // r0->c1 + r2->c0 = 1.5 beats r1->c0 + r2->c1 = 1.6 and r0->c1 + r1->c0 = 2
        double[][] c = {{5, 1}, {1, 5}, {0.5, 0.6}};
        assertArrayEquals(new int[] {1, -1, 0}, Hungarian.solve(c));
    }

    @Test
    void emptyMatrix() {
        assertArrayEquals(new int[0], Hungarian.solve(new double[0][0]));
    }
}
