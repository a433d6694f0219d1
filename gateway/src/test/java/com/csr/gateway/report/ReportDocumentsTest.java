package com.csr.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's Markdown as a page and as a PDF: tables kept, tenant data never taken as HTML. */
class ReportDocumentsTest {

    private static final String REPORT = """
            # Customer retention report — acme

            As of **2010-12-09**. 4,285 customers scored.

            ## Value at risk

            | customer | persona | churn | expected loss |
            |---|---|---:|---:|
            | 13085 | Champions | 12.5% | GBP 1,234.50 |
            | <script>alert(1)</script> | At risk & lapsing | 80.0% | GBP 99.00 |
            """;

    @Test
    void thePageIsWellFormedXhtmlWithItsTablesAndNoMarkupFromTheData() throws Exception {
        String html = ReportDocuments.html("Customer retention report — acme", REPORT);

        assertThat(html).contains("<h2>Value at risk</h2>").contains("<table>")
                .contains("<td align=\"right\">GBP 1,234.50</td>").contains("<strong>2010-12-09</strong>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("At risk &amp; lapsing");
        // the PDF printer reads it as XML: it must parse as such
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void thePdfHoldsTheReportsText() throws IOException {
        byte[] pdf = ReportDocuments.pdf("Customer retention report — acme", REPORT);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Customer retention report — acme").contains("Value at risk")
                    .contains("13085").contains("GBP 1,234.50").contains("<script>alert(1)</script>");
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("landscape")
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void customerIdsThatLookLikeLinksOrImagesStayText() {
        StringBuilder md = new StringBuilder(com.csr.domain.report.ReportSections.AT_RISK_TABLE);
        for (String id : java.util.List.of("[Open](javascript:alert(document.domain))", "![p](http://127.0.0.1:9/x.png)",
                "<http://127.0.0.1:9/>", "a|b", "**bold**\nnext")) {
            com.csr.domain.report.ReportSections.atRiskRow(md, id, "At risk", 0.8, 100, 80, "GBP");
        }
        String html = ReportDocuments.html("report", md.toString());

        assertThat(html).doesNotContain("<a ").doesNotContain("<img").doesNotContain("<strong>")
                .contains("<td>[Open](javascript:alert(document.domain))</td>")
                .contains("<td>![p](http://127.0.0.1:9/x.png)</td>").contains("<td>a|b</td>")
                .contains("<td>**bold** next</td>");
    }

    @Test
    void linksOtherThanWebAndMailAreDroppedAndThePrinterFetchesNothing() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer listener = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        listener.start();
        try {
            String at = "http://127.0.0.1:" + listener.getAddress().getPort();
            String markdown = "# r\n\n[x](javascript:alert(1)) ![p](" + at + "/p.png) <img src=\"" + at
                    + "/q.png\">\n\n<link rel=\"stylesheet\" href=\"" + at + "/s.css\">\n";

            assertThat(ReportDocuments.html("r", markdown)).doesNotContain("javascript:");
            ReportDocuments.pdf("r", markdown);
            assertThat(fetched).as("requests the printer made").hasValue(0);
        } finally {
            listener.stop(0);
        }
    }
}
