package com.csr.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.transactions.FileLimits;
import io.smallrye.config.WithDefault;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The ingest service's limits are the domain's {@code FileLimits}: one setting per limit, with its default in code
 * and in properties, but for the shared strings of a workbook, which the service's 256 MB heap must hold.
 */
class IngestConfigTest {

    @Test
    void everyLimitHasASettingWhoseDefaultIsCores() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = IngestConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        FileLimits defaults = FileLimits.defaults();

        for (FileLimits.Limit limit : FileLimits.Limit.values()) {
            String method = toCamelCase(limit.key());
            String annotated = IngestConfig.Limits.class.getMethod(method).getAnnotation(WithDefault.class).value();
            assertThat(FileLimits.parse(limit, annotated, method)).as(method).isEqualTo(defaults.value(limit));
            long expected = limit == FileLimits.Limit.SHARED_STRINGS_BYTES ? 32L << 20 : defaults.value(limit);
            assertThat(FileLimits.parse(limit, properties.getProperty(limit.setting()), limit.setting()))
                    .as(limit.setting()).isEqualTo(expected);
        }
    }

    private static String toCamelCase(String key) {
        StringBuilder name = new StringBuilder();
        for (String word : key.split("-")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
