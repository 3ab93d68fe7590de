package dev.restow.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.restow.config.EcalConfig.StorageAccess;
import dev.restow.config.Secret;
import dev.restow.ecal.blob.BlobPage;
import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.blob.BlobStoreException;
import dev.restow.ecal.blob.CopyState;
import dev.restow.ecal.blob.SignedUrl;
import dev.restow.local.LocalAzurite;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Azure adapter against Azurite's two accounts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureBlobStoreTest {
    private final LocalAzurite azurite = LocalAzurite.shared();
    private final String container = "store-" + Long.toHexString(System.nanoTime());
    private final RequestCounter coldRequests = new RequestCounter();
    private AzureBlobStore hot;
    private AzureBlobStore cold;
    private BlobContainerClient hotClient;

    @BeforeAll
    void containers() {
        hotClient = new BlobServiceClientBuilder().connectionString(azurite.connectionString("hotstore")).buildClient()
                .createBlobContainer(container);
        new BlobServiceClientBuilder().connectionString(azurite.connectionString("coldstore")).buildClient()
                .createBlobContainer(container);
        hot = AzureStorageClients.store(access("hotstore"), container, List.of());
        cold = AzureStorageClients.store(access("coldstore"), container, List.of(coldRequests));
        for (int i = 0; i < 7; i++) {
            hotClient.getBlobClient("dir/sub/b" + i).upload(BinaryData.fromString("blob " + i), true);
        }
        hotClient.getBlobClient("other/x").upload(BinaryData.fromString("x"), true);
    }

    private StorageAccess access(String account) {
        return StorageAccess.parse("TEST", Secret.of(azurite.connectionString(account)));
    }

    private SignedUrl readable(String name) {
        return hot.grantRead(Instant.now().plus(1, ChronoUnit.HOURS)).url(name);
    }

    @Test
    void list_should_pageThroughPrefix_when_pageSizeIsSmall() {
        BlobPage first = hot.list("dir/", null, 5);
        BlobPage second = hot.list("dir/", first.continuation(), 5);

        assertThat(List.of(first.items().size(), second.items().size(), second.hasMore())).containsExactly(5, 2, false);
    }

    @Test
    void list_should_giveLengthEtagAndMd5_when_blobWasUploadedWhole() {
        BlobPage.BlobItem item = hot.list("dir/sub/b0", null, 10).items().get(0);

        assertThat(List.of(item.length(), item.etag().isEmpty(), item.contentMd5().isEmpty()))
                .containsExactly(6L, false, false);
    }

    @Test
    void properties_should_beEmpty_when_blobIsMissing() {
        assertThat(hot.properties("dir/none")).isEmpty();
    }

    @Test
    void startCopy_should_copyWithTierAndMetadata_when_sourceIsReadableBySas() {
        CopyState started = cold.startCopy("copied/b1", readable("dir/sub/b1"), "Cool", Map.of("restowsourceetag", "e1"), "");
        BlobProperties p = cold.properties("copied/b1").orElseThrow();

        assertThat(List.of(started.status(), p.copy().copyId(), p.accessTier(), p.metadata().get("restowsourceetag"),
                p.length())).containsExactly(CopyState.Status.SUCCESS, started.copyId(), "Cool", "e1", 6L);
    }

    @Test
    void startCopy_should_sendOneRequest_when_copyStarts() {
        coldRequests.reset();

        cold.startCopy("copied/b2", readable("dir/sub/b2"), "", Map.of(), "");

        assertThat(coldRequests.snapshot()).isEqualTo(Map.of("PUT copy", 1L));
    }

    @Test
    void startCopy_should_failPrecondition_when_sourceEtagNoLongerMatches() {
        BlobStoreException e = assertThrows(BlobStoreException.class,
                () -> cold.startCopy("copied/b3", readable("dir/sub/b3"), "", Map.of(), "\"0xNOTTHEETAG\""));

        assertThat(e.kind()).isEqualTo(BlobStoreException.Kind.PRECONDITION_FAILED);
    }

    @Test
    void startCopy_should_neverShowSas_when_copyIsRefused() {
        SignedUrl expired = hot.grantRead(Instant.now().minus(1, ChronoUnit.HOURS)).url("dir/sub/b4");

        BlobStoreException e = assertThrows(BlobStoreException.class,
                () -> cold.startCopy("copied/b4", expired, "", Map.of(), ""));

        assertThat(e.getMessage()).doesNotContain("sig=", "?").startsWith("start copy to copied/b4: HTTP ");
    }

    @Test
    void deleteIfMatch_should_keepBlob_when_etagChanged() {
        hotClient.getBlobClient("other/keep").upload(BinaryData.fromString("1"), true);
        String etag = hot.properties("other/keep").orElseThrow().etag();
        hotClient.getBlobClient("other/keep").upload(BinaryData.fromString("2"), true);

        assertThat(List.of(hot.deleteIfMatch("other/keep", etag), hot.properties("other/keep").isPresent()))
                .containsExactly(BlobStore.DeleteOutcome.CHANGED, true);
    }

    @Test
    void deleteIfMatch_should_reportNotFound_when_deletedBefore() {
        hotClient.getBlobClient("other/gone").upload(BinaryData.fromString("1"), true);
        String etag = hot.properties("other/gone").orElseThrow().etag();
        hot.deleteIfMatch("other/gone", etag);

        assertThat(hot.deleteIfMatch("other/gone", etag)).isEqualTo(BlobStore.DeleteOutcome.NOT_FOUND);
    }

    @Test
    void grantRead_should_allowReadOnly_when_used() {
        String url = readable("dir/sub/b5").reveal();

        assertThat(url).contains("sp=r&").doesNotContain("sp=rw");
    }

    @Test
    void signedUrl_should_hideToken_when_logged() {
        assertThat(readable("dir/sub/b6").toString()).endsWith("b6?****").doesNotContain("sig=");
    }
}
