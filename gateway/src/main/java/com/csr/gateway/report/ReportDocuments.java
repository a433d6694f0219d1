package com.csr.gateway.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A Markdown report as the documents people download: an HTML page (CommonMark with GitHub tables; any HTML in the
 * text escaped and link targets other than http(s) and mailto dropped, as tenant data is in it) and a PDF printed from
 * that page (openhtmltopdf), A4 landscape so the wide tables fit. The printer fetches nothing: every image, style sheet
 * or font a page might name is refused, so a report cannot make the gateway call anywhere.
 */
public final class ReportDocuments {

    /**
     * The Content-Security-Policy the page is served with, wherever it is opened: no script runs, nothing is loaded,
     * it is framed only by its own site; only its own inline style applies.
     */
    public static final String PAGE_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'";

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();
    private static final String STYLE = """
            @page { size: A4 landscape; margin: 14mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #0f172a; max-width: 70em; \
            margin: 1.5em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 18pt; margin-bottom: 0.2em; }
            h2 { font-size: 13pt; margin-top: 1.4em; border-bottom: 1px solid #cbd5e1; padding-bottom: 0.15em; }
            table { border-collapse: collapse; margin: 0.6em 0; }
            th, td { border: 1px solid #cbd5e1; padding: 0.25em 0.5em; vertical-align: top; }
            th { background: #f1f5f9; }
            """;

    private ReportDocuments() {
    }

    /** A whole XHTML page, well-formed, so the PDF printer reads it too. */
    public static String html(String title, String markdown) {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>\n"
                + RENDERER.render(PARSER.parse(markdown)) + "</body></html>\n";
    }

    public static byte[] pdf(String title, String markdown) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUriResolver((base, uri) -> null); // the page needs nothing from anywhere: nothing is fetched
            builder.withHtmlContent(html(title, markdown), null);
            builder.withProducer("customer retention platform");
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be printed as PDF", e);
        }
        return pdf.toByteArray();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
