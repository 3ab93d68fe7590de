package dev.restow.local;

import com.azure.core.util.BinaryData;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Connects with azure-storage-blob (JDK HTTP client). The first run on a machine installs Azurite with npm. */
class LocalAzuriteTest {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private static LocalAzurite azurite;
    private static BlobServiceClient hot;
    private static BlobServiceClient cold;

    @BeforeAll
    static void start() {
        azurite = LocalAzurite.shared();
        hot = client(azurite, "hotstore");
        cold = client(azurite, "coldstore");
    }

    private static BlobServiceClient client(LocalAzurite server, String account) {
        return new BlobServiceClientBuilder().connectionString(server.connectionString(account)).buildClient();
    }

    private static BlobContainerClient newContainer(BlobServiceClient service) {
        BlobContainerClient container = service.getBlobContainerClient("container-" + CONTAINERS.incrementAndGet());
        container.create();
        return container;
    }

    private static BlobClient uploaded(String name, String content) {
        BlobClient blob = newContainer(hot).getBlobClient(name);
        blob.upload(BinaryData.fromString(content));
        return blob;
    }

    private static String readSas(BlobClient blob, OffsetDateTime expiry) {
        return blob.generateSas(new BlobServiceSasSignatureValues(expiry, new BlobSasPermission().setReadPermission(true)));
    }

    @Test
    void connectionString_should_nameAccountKeyAndLoopbackEndpoint_when_built() {
        assertThat(azurite.connectionString("hotstore")).isEqualTo("DefaultEndpointsProtocol=http;AccountName=hotstore;"
                + "AccountKey=" + azurite.accountKey("hotstore") + ";BlobEndpoint=http://127.0.0.1:" + azurite.port()
                + "/hotstore;");
    }

    @Test
    void accountKey_should_beA64ByteBase64Key_when_generated() {
        assertThat(Base64.getDecoder().decode(azurite.accountKey("coldstore"))).hasSize(64);
    }

    @Test
    void accountKey_should_rejectAccount_when_notOnThisServer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> azurite.accountKey("other"));

        assertThat(e).hasMessage("no storage account 'other' on this Azurite; accounts: [hotstore, coldstore]");
    }

    @Test
    void start_should_rejectAccountName_when_upperCase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalAzurite.start("Hot"));

        assertThat(e).hasMessage("storage account name must match [a-z0-9]{3,24} but was 'Hot'");
    }

    @Test
    void start_should_rejectAccounts_when_noneGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, LocalAzurite::start);

        assertThat(e).hasMessage("at least one storage account name is required");
    }

    @Test
    void upload_should_storeTheContent_when_downloaded() {
        BlobClient blob = uploaded("a.jpg", "jpeg bytes");

        assertThat(blob.downloadContent().toString()).isEqualTo("jpeg bytes");
    }

    @Test
    void listBlobs_should_returnUploadedNames_when_prefixed() {
        BlobContainerClient container = newContainer(hot);
        container.getBlobClient("ecal/1.pdf").upload(BinaryData.fromString("1"));
        container.getBlobClient("ecal/2.pdf").upload(BinaryData.fromString("2"));
        container.getBlobClient("other/3.pdf").upload(BinaryData.fromString("3"));

        assertThat(container.listBlobsByHierarchy("ecal/")).extracting(BlobItem::getName)
                .containsExactly("ecal/1.pdf", "ecal/2.pdf");
    }

    @Test
    void containers_should_beSeparatePerAccount_when_sameNameUsedTwice() {
        BlobContainerClient hotContainer = newContainer(hot);
        hotContainer.getBlobClient("x").upload(BinaryData.fromString("x"));

        assertThat(cold.getBlobContainerClient(hotContainer.getBlobContainerName()).exists()).isFalse();
    }

    @Test
    void beginCopy_should_copyAcrossAccountsAtOnce_when_sourceHasReadSas() {
        BlobClient source = uploaded("doc.pdf", "cold data");
        BlobClient target = newContainer(cold).getBlobClient("doc.pdf");

        SyncPoller<BlobCopyInfo, Void> copy = target.beginCopy(
                source.getBlobUrl() + "?" + readSas(source, OffsetDateTime.now().plusHours(1)), Duration.ofMillis(50));

        assertThat(copy.poll().getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(target.downloadContent().toString()).isEqualTo("cold data");
    }

    @Test
    void beginCopy_should_failCannotVerifyCopySource_when_sourceHasNoSas() {
        BlobClient source = uploaded("doc.pdf", "private");
        BlobClient target = newContainer(cold).getBlobClient("doc.pdf");

        BlobStorageException e = assertThrows(BlobStorageException.class,
                () -> target.beginCopy(source.getBlobUrl(), Duration.ofMillis(50)).poll());

        assertThat(e.getStatusCode() + " " + e.getErrorCode()).isEqualTo("403 CannotVerifyCopySource");
    }

    @Test
    void beginCopy_should_failCannotVerifyCopySource_when_sasExpired() {
        BlobClient source = uploaded("doc.pdf", "late");
        BlobClient target = newContainer(cold).getBlobClient("doc.pdf");
        String expired = readSas(source, OffsetDateTime.now().minusMinutes(5));

        BlobStorageException e = assertThrows(BlobStorageException.class,
                () -> target.beginCopy(source.getBlobUrl() + "?" + expired, Duration.ofMillis(50)).poll());

        assertThat(e.getStatusCode() + " " + e.getErrorCode()).isEqualTo("403 CannotVerifyCopySource");
    }

    @Test
    void close_should_killNodeAndFreeThePort_when_privateServerClosed() {
        LocalAzurite own = LocalAzurite.start("acct1");
        ProcessHandle node = ProcessHandle.of(own.pid()).orElseThrow();
        int port = own.port();

        own.close();

        assertThat(new boolean[] {node.isAlive(), Ports.isListening(port)}).containsExactly(false, false);
    }

    @Test
    void node_should_exit_when_theJvmSideOfStdinCloses() throws Exception {
        try (LocalAzurite own = LocalAzurite.start("acct2")) {
            ProcessHandle node = ProcessHandle.of(own.pid()).orElseThrow();

            own.closeStdinForTest();

            node.onExit().get(30, TimeUnit.SECONDS);
            assertThat(Ports.isListening(own.port())).isFalse();
        }
    }

    @Test
    void installIfMissing_should_failNamingNpm_when_npmCannotRun(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalAzurite.installIfMissing(dir, "/nonexistent/npm"));

        assertThat(e).hasMessage("could not run npm (" + e.getCause().getMessage() + ") to install Azurite 3.37.0 into "
                + dir + ": install Node.js and npm, or install azurite@3.37.0 there yourself, or point"
                + " -Drestow.azurite.home at a directory holding node_modules/azurite");
    }

    @Test
    void installIfMissing_should_notRunNpm_when_alreadyInstalled() {
        Path dir = LocalAzurite.installDir();

        assertThat(LocalAzurite.installIfMissing(dir, "/nonexistent/npm")).isEqualTo(dir);
    }

    @Test
    void shared_should_haveHotstoreAndColdstore_when_started() {
        assertThat(LocalAzurite.shared().accounts()).containsExactly("hotstore", "coldstore");
    }
}
