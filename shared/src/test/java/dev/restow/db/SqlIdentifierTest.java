package dev.restow.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SqlIdentifierTest {

    @Test
    void quoted_should_doubleQuoteName_when_plainIdentifier() {
        assertThat(SqlIdentifier.of("accounts_profile").quoted()).isEqualTo("\"accounts_profile\"");
    }

    @Test
    void quoted_should_quoteEachPart_when_schemaQualified() {
        assertThat(SqlIdentifier.of("media.post_postmedia").quoted()).isEqualTo("\"media\".\"post_postmedia\"");
    }

    @Test
    void of_should_refuseWithExactMessage_when_nameCouldInjectSql() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SqlIdentifier.of("avatar; DROP TABLE x"));
        assertThat(e.getMessage()).isEqualTo("'avatar; DROP TABLE x' is not a valid SQL identifier"
                + " (letters, digits and _, starting with a letter or _, at most 63 characters, optional schema.)");
    }

    @Test
    void of_should_refuse_when_nameHasQuote() {
        assertThrows(IllegalArgumentException.class, () -> SqlIdentifier.of("a\"b"));
    }

    @Test
    void of_should_refuse_when_nameIsEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlIdentifier.of(" "));
        assertThat(e.getMessage()).isEqualTo("empty SQL identifier");
    }
}
