package org.paper2code.text;

/** A piece of a paper's text and the 1-based page it is on. */
public record Passage(String text, int page) {
    public Passage {
        text = text == null ? "" : text;
    }
}
