package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContinuationTest {

    @Test
    void parse_should_roundTrip_when_givenToJson() {
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        counts.put("accounts_profile", new SourceCounts(500, 10, 20, 30, 440));
        counts.put("event_event", SourceCounts.ZERO);
        Continuation c = new Continuation("run-1", List.of("accounts_profile", "event_event"), false, 1000, 0, "500",
                counts);

        assertThat(Continuation.parse(c.toJson())).isEqualTo(c);
    }

    @Test
    void parse_should_keepANullCursor_when_theSourceHasNotStarted() {
        Continuation c = new Continuation("run-1", List.of("a", "b"), true, 0, 1, null, Map.of());

        assertThat(Continuation.parse(c.toJson()).after()).isNull();
    }

    @Test
    void parse_should_fail_when_theBodyIsNotAContinuation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Continuation.parse("{\"sources\":[]}"));

        assertEquals("continuation: expected {\"continuation\":{...}}", e.getMessage());
    }

    @Test
    void parse_should_failNamingTheField_when_runIdIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Continuation.parse("{\"continuation\":{\"sources\":[],\"sourceIndex\":0}}"));

        assertEquals("continuation: missing field 'runId'", e.getMessage());
    }
}
