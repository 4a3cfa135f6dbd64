package org.paper2code.report;

/**
 * The common frame of every report page: doctype, a Content-Security-Policy that allows only
 * the run's own files (scripts and styles from assets/, images from the run folder; no inline
 * script or style, nothing from the network), the stylesheets and scripts.
 */
final class Page {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'";

    private Page() {
    }

    /**
     * @param assets relative link to the assets folder ("assets" or "../assets")
     */
    static void open(StringBuilder sb, String title, String assets) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.esc(CSP)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(Html.esc(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(assets).append("/report.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(assets).append("/highlight-github.min.css\">\n")
                .append("<script src=\"").append(assets).append("/highlight.min.js\" defer></script>\n")
                .append("<script src=\"").append(assets).append("/highlight-protobuf.min.js\" defer></script>\n")
                .append("<script src=\"").append(assets).append("/report.js\" defer></script>\n")
                .append("</head>\n<body>\n");
    }

    static void close(StringBuilder sb) {
        sb.append("<footer>Written by paper2code. Everything on this page was read from papers by machine: check it against the paper.</footer>\n")
                .append("</body>\n</html>\n");
    }
}
