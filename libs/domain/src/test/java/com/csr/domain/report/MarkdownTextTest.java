package com.csr.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tenant text in a report's Markdown: every character Markdown would act on escaped, the rest as it was. */
class MarkdownTextTest {

    @Test
    void escapesWhatMarkdownWouldReadAsALinkAnImageACellBorderOrMarkup() {
        assertThat(MarkdownText.of("[Open](javascript:alert(1))")).isEqualTo("\\[Open\\]\\(javascript:alert\\(1\\)\\)");
        assertThat(MarkdownText.of("![p](http://10.0.0.1/x.png)")).isEqualTo("\\!\\[p\\]\\(http://10.0.0.1/x.png\\)");
        assertThat(MarkdownText.of("a|b")).isEqualTo("a\\|b");
        assertThat(MarkdownText.of("<b>&amp;</b>")).isEqualTo("\\<b\\>\\&amp;\\</b\\>");
        assertThat(MarkdownText.of("*_`~\\")).isEqualTo("\\*\\_\\`\\~\\\\");
        assertThat(MarkdownText.of("two\r\nlines")).isEqualTo("two  lines");
    }

    @Test
    void leavesOrdinaryIdsAsTheyAre() {
        assertThat(MarkdownText.of("13085")).isEqualTo("13085");
        assertThat(MarkdownText.of("C-1.5 =x+y")).isEqualTo("C-1.5 =x+y");
        assertThat(MarkdownText.of(null)).isEmpty();
    }
}
