package com.csr.domain.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    private final TimestampParser parser = new TimestampParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2010-12-01 08:26:00|2010-12-01T08:26:00",
        "2010-12-01 08:26|2010-12-01T08:26:00",
        "2010-12-01T08:26:00|2010-12-01T08:26:00",
        "2010-12-01T08:26:00Z|2010-12-01T08:26:00",
        "2010-12-01T09:26:00+01:00|2010-12-01T08:26:00",
        "2010-12-01|2010-12-01T00:00:00",
        "12/1/2010 8:26|2010-12-01T08:26:00",
        "12/1/2010 8:26 PM|2010-12-01T20:26:00",
        "12/1/2010 12:05 AM|2010-12-01T00:05:00",
        "25/12/2010 10:00|2010-12-25T10:00:00",
        "1.12.2010 08:26|2010-12-01T08:26:00",
        "20100112|2010-01-12T00:00:00",
        "40148.5|2009-12-01T12:00:00",
    })
    void readsTheFormatsExportsUse(String text, String expected) {
        assertThat(parser.parse(text)).isEqualTo(LocalDateTime.parse(expected).toEpochSecond(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a date", "2010-13-01", "2010-02-30 10:00", "12/1/2010 25:00", "1234", "x20100112"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(parser.parse(text)).isEqualTo(TimestampParser.INVALID);
    }
}
