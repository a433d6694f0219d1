package com.csr.gateway.report;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.kit.web.CurrentCaller;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The strategic report of the tenant's portfolio: Markdown to read, HTML or PDF to download and pass on. */
@Path("/report")
@Blocking
public class ReportResource {

    static final String MARKDOWN = "text/markdown";
    static final String PDF = "application/pdf";

    @Inject
    PortfolioReport report;
    @Inject
    CurrentCaller caller;

    @GET
    @Produces({MARKDOWN, MediaType.TEXT_HTML, PDF})
    @Operation(summary = "The strategic report: data quality, personas, models, value at risk and the plan a budget "
            + "buys. format=md (the default), html or pdf, else as the Accept header asks; html and pdf come as "
            + "downloads")
    public Response report(@QueryParam("format") String format, @QueryParam("budget") @DefaultValue("5000")
                           double budget, @Context HttpHeaders headers) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new InvalidRequestException("budget must be 0 or more, got " + budget);
        }
        String kind = format != null ? format : wanted(headers);
        Caller who = caller.get();
        String name = "retention-report-" + who.tenantId() + "-" + LocalDate.now(ZoneOffset.UTC);
        String title = "Customer retention report — " + who.tenantId();
        return switch (kind) {
            case "md", "markdown" -> Response.ok(report.markdown(who, budget), MARKDOWN + "; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + name + ".md\"").build();
            case "html" -> Response.ok(ReportDocuments.html(title, report.markdown(who, budget)),
                    MediaType.TEXT_HTML + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".html\"")
                    .header("Content-Security-Policy", ReportDocuments.PAGE_POLICY).build();
            case "pdf" -> Response.ok(ReportDocuments.pdf(title, report.markdown(who, budget)), PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
            default -> throw new InvalidRequestException("format must be md, html or pdf, got '" + kind + "'");
        };
    }

    /** What the Accept header prefers of the three; Markdown when it names none of them first. */
    private static String wanted(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.valueOf(PDF)) && !type.isWildcardType()) {
                return "pdf";
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return "html";
            }
            if (type.isCompatible(MediaType.valueOf(MARKDOWN)) || type.isWildcardType()) {
                return "md";
            }
        }
        return "md";
    }
}
