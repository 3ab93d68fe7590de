package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutRequestTest {

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> FanOutRequest.parse(json)).getMessage();
    }

    @Test
    void parse_should_meanEverything_when_payloadIsEmpty() {
        assertThat(FanOutRequest.parse("")).isEqualTo(FanOutRequest.all());
        assertThat(FanOutRequest.parse("{}")).isEqualTo(FanOutRequest.all());
    }

    @Test
    void parse_should_readEveryField_when_allAreGiven() {
        FanOutRequest r = FanOutRequest.parse("{\"sources\":[\"event_event\"],\"dryRun\":true,\"limit\":25}");

        assertThat(r).isEqualTo(new FanOutRequest(List.of("event_event"), true, 25));
    }

    @Test
    void parse_should_failNamingTheField_when_aFieldIsUnknown() {
        assertEquals("unknown field 'dryrun' (allowed: sources, dryRun, limit)", error("{\"dryrun\":true}"));
    }

    @Test
    void parse_should_fail_when_limitIsNegative() {
        assertEquals("field 'limit' must be a whole number >= 0", error("{\"limit\":-1}"));
    }

    @Test
    void parse_should_fail_when_limitIsFractional() {
        assertEquals("field 'limit' must be a whole number >= 0", error("{\"limit\":2.5}"));
    }

    @Test
    void parse_should_fail_when_dryRunIsAString() {
        assertEquals("field 'dryRun' must be true or false", error("{\"dryRun\":\"yes\"}"));
    }

    @Test
    void parse_should_fail_when_sourcesIsAString() {
        assertEquals("field 'sources' must be an array of table names", error("{\"sources\":\"event_event\"}"));
    }

    @Test
    void parse_should_fail_when_aSourceIsBlank() {
        assertEquals("field 'sources[1]' must be a table name", error("{\"sources\":[\"a\",\" \"]}"));
    }

    @Test
    void parse_should_fail_when_payloadIsAnArray() {
        assertEquals("payload must be a JSON object with optional fields sources, dryRun, limit", error("[]"));
    }
}
