/** The strategic report: the run told in Markdown for the people who decide on retention. */
package com.csr.core.report;
