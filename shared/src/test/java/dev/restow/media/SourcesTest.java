package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> Sources.parse("RESTOW_SOURCES", json)).getMessage();
    }

    @Test
    void defaults_should_reproduceTheOriginalTool_when_read() {
        assertThat(Sources.DEFAULTS).extracting(Source::name)
                .containsExactly("accounts_profile", "post_postmedia", "event_event");
        assertThat(Sources.DEFAULTS.get(0).columns()).extracting(c -> c.name()).containsExactly("avatar", "banner");
        assertThat(Sources.DEFAULTS.get(1).columns()).extracting(c -> c.name()).containsExactly("media_file");
        assertThat(Sources.DEFAULTS.get(1).where()).hasSize(1)
                .allSatisfy((column, value) -> {
                    assertThat(column.name()).isEqualTo("media_type");
                    assertThat(value).isEqualTo("image");
                });
        assertThat(Sources.DEFAULTS.get(2).columns()).extracting(c -> c.name()).containsExactly("cover", "poster");
        assertThat(Sources.DEFAULTS).allSatisfy(s -> assertThat(s.key().name()).isEqualTo("id"));
    }

    @Test
    void parse_should_defaultTheKeyToId_when_keyIsAbsent() {
        List<Source> s = Sources.parse("RESTOW_SOURCES", "[{\"table\":\"t\",\"columns\":[\"a\",\"b\"]}]");

        assertThat(s.get(0).key().name()).isEqualTo("id");
        assertThat(s.get(0).where()).isEmpty();
    }

    @Test
    void parse_should_bindWhereValuesAsText_when_whereHasNumbersAndBooleans() {
        List<Source> s = Sources.parse("RESTOW_SOURCES",
                "[{\"table\":\"t\",\"columns\":[\"a\"],\"where\":{\"n\":3,\"live\":true}}]");

        assertThat(s.get(0).where().values()).containsExactly("3", "true");
    }

    @Test
    void parse_should_fail_when_notJson() {
        assertThat(error("[{")).startsWith("RESTOW_SOURCES: is not valid JSON: ");
    }

    @Test
    void parse_should_fail_when_arrayIsEmpty() {
        assertEquals("RESTOW_SOURCES: must be a non-empty JSON array of {\"table\",\"key\",\"columns\",\"where\"}",
                error("[]"));
    }

    @Test
    void parse_should_fail_when_anEntryIsNotAnObject() {
        assertEquals("RESTOW_SOURCES: [0] must be an object", error("[\"accounts_profile\"]"));
    }

    @Test
    void parse_should_fail_when_tableIsMissing() {
        assertEquals("RESTOW_SOURCES: [0].table must be a non-empty string", error("[{\"columns\":[\"a\"]}]"));
    }

    @Test
    void parse_should_fail_when_columnsAreEmpty() {
        assertEquals("RESTOW_SOURCES: [0].columns must be a non-empty array of column names",
                error("[{\"table\":\"t\",\"columns\":[]}]"));
    }

    @Test
    void parse_should_fail_when_aColumnIsListedTwice() {
        assertEquals("RESTOW_SOURCES: [0].columns[1]: 'a' is listed twice",
                error("[{\"table\":\"t\",\"columns\":[\"a\",\"a\"]}]"));
    }

    @Test
    void parse_should_fail_when_aTableIsListedTwice() {
        assertEquals("RESTOW_SOURCES: [1].table: 't' is listed twice",
                error("[{\"table\":\"t\",\"columns\":[\"a\"]},{\"table\":\"t\",\"columns\":[\"b\"]}]"));
    }

    @Test
    void parse_should_fail_when_theTableNameInjectsSql() {
        assertEquals("RESTOW_SOURCES: [0].table: 't; drop table users' is not a valid SQL identifier (letters, "
                        + "digits and _, starting with a letter or _, at most 63 characters, optional schema.)",
                error("[{\"table\":\"t; drop table users\",\"columns\":[\"a\"]}]"));
    }

    @Test
    void parse_should_fail_when_whereIsNotAnObject() {
        assertEquals("RESTOW_SOURCES: [0].where must be an object of column: value",
                error("[{\"table\":\"t\",\"columns\":[\"a\"],\"where\":[1]}]"));
    }

    @Test
    void parse_should_fail_when_aWhereValueIsNull() {
        assertEquals("RESTOW_SOURCES: [0].where.kind must be a string, number or boolean",
                error("[{\"table\":\"t\",\"columns\":[\"a\"],\"where\":{\"kind\":null}}]"));
    }

    @Test
    void select_should_keepTheGivenOrder_when_namesAreKnown() {
        assertThat(Sources.select(Sources.DEFAULTS, List.of("event_event", "accounts_profile")))
                .extracting(Source::name).containsExactly("event_event", "accounts_profile");
    }

    @Test
    void select_should_failListingTheConfiguredSources_when_aNameIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sources.select(Sources.DEFAULTS, List.of("accounts")));

        assertEquals("unknown source 'accounts' (configured: accounts_profile, post_postmedia, event_event)",
                e.getMessage());
    }
}
