package dev.restow.azure.blob;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.restow.config.EcalConfig.StorageAccess;
import java.time.Duration;
import java.util.List;

/**
 * Builds blob clients from {@link StorageAccess}: a connection string (account key or SAS), or the
 * account URL with {@code DefaultAzureCredential} (managed identity in Azure). The SDK's own retries
 * are kept short (3 tries): the durable retry policy retries whole activities.
 */
public final class AzureStorageClients {
    /** Per storage call. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private AzureStorageClients() {
    }

    /** The account's client; {@code policies} are added to its HTTP pipeline (e.g. request counting). */
    public static BlobServiceClient service(StorageAccess access, List<HttpPipelinePolicy> policies) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder()
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, (Integer) null,
                        Duration.ofMillis(500).toMillis(), Duration.ofSeconds(5).toMillis(), null));
        if (access instanceof StorageAccess.ConnectionString cs) {
            b.connectionString(cs.value().reveal());
        } else if (access instanceof StorageAccess.ManagedIdentity mi) {
            b.endpoint(mi.blobEndpoint()).credential(credential(mi));
        } else {
            throw new IllegalArgumentException("unknown storage access " + access);
        }
        policies.forEach(b::addPolicy);
        return b.buildClient();
    }

    /** The credential of a managed-identity account: {@code DefaultAzureCredential}. */
    public static TokenCredential credential(StorageAccess.ManagedIdentity access) {
        return new DefaultAzureCredentialBuilder().build();
    }

    /** Whether read grants on this account must be user delegation SAS (no account key to sign with). */
    public static boolean userDelegation(StorageAccess access) {
        return access instanceof StorageAccess.ManagedIdentity;
    }

    /** A store on one container of the account. */
    public static AzureBlobStore store(StorageAccess access, String container, List<HttpPipelinePolicy> policies) {
        return new AzureBlobStore(service(access, policies), container, userDelegation(access), CALL_TIMEOUT);
    }
}
