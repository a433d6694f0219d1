package com.csr.domain.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Customer ids in exported CSV: a would-be formula is shown as text, anything else is left alone. */
class SpreadsheetTextTest {

    @Test
    void aCellAFormulaWouldStartWithGetsAnApostrophe() {
        assertThat(SpreadsheetText.of("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetText.of("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetText.of("-1+1")).isEqualTo("'-1+1");
        assertThat(SpreadsheetText.of("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(SpreadsheetText.of("=HYPERLINK(\"http://example.invalid\",\"x\")"))
                .isEqualTo("'=HYPERLINK(\"http://example.invalid\",\"x\")");
        assertThat(SpreadsheetText.of("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetText.of("\rx")).isEqualTo("'\rx");
    }

    @Test
    void otherTextIsLeftAsItWas() {
        assertThat(SpreadsheetText.of("13085")).isEqualTo("13085");
        assertThat(SpreadsheetText.of("C=1")).isEqualTo("C=1");
        assertThat(SpreadsheetText.of("")).isEmpty();
        assertThat(SpreadsheetText.of(null)).isNull();
    }
}
