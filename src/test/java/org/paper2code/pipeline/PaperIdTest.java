package org.paper2code.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PaperIdTest {
    @Test
    void idsAreSafeFolderNames() {
        assertEquals("alexnet_krizhevsky2012_nips", PaperId.of(Path.of("x/AlexNet_Krizhevsky2012_NIPS.pdf")));
        assertEquals("---2f..-2fevil", PaperId.of(Path.of("..%2f..%2fevil.pdf")));
        assertEquals("--", PaperId.of(Path.of("...pdf")).substring(0, 2));
        assertEquals("paper", PaperId.of(Path.of(".pdf")));
        assertEquals("x-----import-os--os.system--id----", PaperId.of(Path.of("x\"\"\"; import os; os.system('id') #.pdf")));
        String longName = "a".repeat(200) + ".pdf";
        assertEquals(PaperId.MAX_LENGTH, PaperId.of(Path.of(longName)).length());
        String hashed = PaperId.withHash("a".repeat(80), "0123456789abcdef");
        assertEquals(PaperId.MAX_LENGTH, hashed.length());
        assertTrue(hashed.endsWith("-01234567"));
        assertEquals("paper-01234567", PaperId.withHash("paper", "0123456789abcdef"));
    }
}
