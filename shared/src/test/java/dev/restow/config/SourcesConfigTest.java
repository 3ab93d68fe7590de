package dev.restow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.media.Source;
import dev.restow.media.Sources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RESTOW_SOURCES as read through {@link MediaConfig}: the error names the variable and the entry. */
class SourcesConfigTest {

    private static String error(String sourcesJson) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://app:pw@db:5432/media");
        env.put("AWS_STORAGE_BUCKET_NAME", "media-bucket");
        env.put("RESTOW_SOURCES", sourcesJson);
        return assertThrows(ConfigException.class, () -> MediaConfig.load(Env.of(env))).getMessage();
    }

    @Test
    void load_should_failNamingTheEntry_when_aColumnIsNotAnIdentifier() {
        assertEquals("RESTOW_SOURCES: [1].columns[0]: 'cover image' is not a valid SQL identifier (letters, digits "
                        + "and _, starting with a letter or _, at most 63 characters, optional schema.)",
                error("[{\"table\":\"a\",\"columns\":[\"x\"]},{\"table\":\"b\",\"columns\":[\"cover image\"]}]"));
    }

    @Test
    void load_should_failNamingTheField_when_anEntryHasAnUnknownField() {
        assertEquals("RESTOW_SOURCES: [0]: unknown field 'colums' (allowed: table, key, columns, where)",
                error("[{\"table\":\"a\",\"colums\":[\"x\"]}]"));
    }

    @Test
    void load_should_readTheSources_when_valid() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "postgresql://app:pw@db:5432/media");
        env.put("AWS_STORAGE_BUCKET_NAME", "media-bucket");
        env.put("RESTOW_SOURCES", "[{\"table\":\"shop.product\",\"key\":\"sku\",\"columns\":[\"photo\"],"
                + "\"where\":{\"kind\":\"image\"}}]");

        List<Source> sources = MediaConfig.load(Env.of(env)).sources();

        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).table().quoted()).isEqualTo("\"shop\".\"product\"");
        assertThat(sources.get(0).key().name()).isEqualTo("sku");
        assertThat(sources.get(0).where()).hasSize(1);
        assertThat(Sources.select(sources, List.of("shop.product"))).isEqualTo(sources);
    }
}
