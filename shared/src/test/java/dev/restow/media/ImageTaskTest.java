package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageTaskTest {

    @Test
    void parse_should_roundTrip_when_givenToJson() {
        ImageTask t = ImageTask.of("accounts_profile", "42", "avatar", "https://b.s3.amazonaws.com/a b/ü.jpg?x=1", "r1");

        assertThat(ImageTask.parse(t.toJson())).isEqualTo(t);
    }

    @Test
    void parse_should_ignoreUnknownFields_when_aNewerFanOutAddsSome() {
        ImageTask t = ImageTask.parse("{\"source\":\"s\",\"id\":\"1\",\"column\":\"c\",\"value\":\"v.jpg\","
                + "\"runId\":\"r\",\"priority\":3}");

        assertThat(t).isEqualTo(ImageTask.of("s", "1", "c", "v.jpg", "r"));
    }

    @Test
    void parse_should_failNamingTheField_when_aFieldIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageTask.parse("{\"source\":\"s\",\"id\":\"1\",\"value\":\"v.jpg\"}"));

        assertEquals("image task: missing field 'column'", e.getMessage());
    }

    @Test
    void parse_should_failNamingTheField_when_aFieldIsNotAString() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageTask.parse("{\"source\":\"s\",\"id\":1,\"column\":\"c\",\"value\":\"v.jpg\"}"));

        assertEquals("image task: field 'id' must be a string", e.getMessage());
    }

    @Test
    void parse_should_fail_when_theBodyIsNotAnObject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageTask.parse("[1]"));

        assertEquals("image task: expected a JSON object", e.getMessage());
    }
}
