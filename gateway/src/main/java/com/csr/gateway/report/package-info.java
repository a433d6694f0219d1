/**
 * The strategic report ({@code /report}): the portfolio, its personas, the models and the plan as Markdown, HTML
 * or PDF.
 */
package com.csr.gateway.report;
