package dev.restow.ecal.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedUrlTest {
    @Test
    void toString_should_hideToken_when_urlCarriesASas() {
        SignedUrl u = SignedUrl.of("https://a.blob.core.windows.net/c/b?sv=2024&sig=SECRET");

        assertThat(u.toString()).isEqualTo("https://a.blob.core.windows.net/c/b?****");
    }

    @Test
    void reveal_should_giveFullUrl_when_handedToTheService() {
        assertThat(SignedUrl.of("https://a/c/b?sig=S").reveal()).isEqualTo("https://a/c/b?sig=S");
    }
}
