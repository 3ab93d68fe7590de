package dev.restow.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.DefaultAzureCredential;
import com.azure.storage.blob.BlobServiceClient;
import dev.restow.config.EcalConfig.StorageAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The managed-identity path, at its boundary: the credential and client it builds (getting a token
 * and a user delegation key needs Azure AD and a real account; not run here).
 */
class AzureStorageClientsTest {
    private static final StorageAccess.ManagedIdentity IDENTITY =
            new StorageAccess.ManagedIdentity("https://hotacct.blob.core.windows.net");

    @Test
    void credential_should_beDefaultAzureCredential_when_accessIsManagedIdentity() {
        assertThat(AzureStorageClients.credential(IDENTITY)).isInstanceOf(DefaultAzureCredential.class);
    }

    @Test
    void service_should_targetAccountUrl_when_accessIsManagedIdentity() {
        BlobServiceClient client = AzureStorageClients.service(IDENTITY, List.of());

        assertThat(client.getAccountUrl()).isEqualTo("https://hotacct.blob.core.windows.net");
    }

    @Test
    void userDelegation_should_beUsed_when_accessIsManagedIdentity() {
        assertThat(AzureStorageClients.userDelegation(IDENTITY)).isTrue();
    }

    @Test
    void userDelegation_should_notBeUsed_when_accessIsAConnectionString() {
        StorageAccess cs = StorageAccess.parse("X", dev.restow.config.Secret.of(
                "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net"));

        assertThat(AzureStorageClients.userDelegation(cs)).isFalse();
    }
}
