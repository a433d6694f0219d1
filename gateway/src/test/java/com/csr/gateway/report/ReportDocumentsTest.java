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
}
