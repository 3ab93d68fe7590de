package dev.restow.azure.blob;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.BlobBeginCopySourceRequestConditions;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.CopyStatusType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.restow.ecal.blob.BlobPage;
import dev.restow.ecal.blob.BlobProperties;
import dev.restow.ecal.blob.BlobStore;
import dev.restow.ecal.blob.BlobStoreException;
import dev.restow.ecal.blob.CopyState;
import dev.restow.ecal.blob.ReadGrant;
import dev.restow.ecal.blob.SignedUrl;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BlobStore} on one Azure blob container with azure-storage-blob. Read grants are service
 * SAS tokens signed with the account key (connection strings) or user delegation SAS tokens
 * (managed identity: one {@code Get User Delegation Key} call per grant). Error messages carry the
 * operation, blob, HTTP status and error code, never a URL with its SAS or a connection string.
 */
public final class AzureBlobStore implements BlobStore {
    /** Clock skew allowed for the start of a SAS. */
    private static final Duration SAS_SKEW = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final BlobServiceClient service;
    private final BlobContainerClient container;
    private final boolean userDelegation;
    private final Duration timeout;

    /**
     * @param service        the account's client
     * @param containerName  the container
     * @param userDelegation whether read grants are user delegation SAS (token credential) rather than
     *                       account-key SAS
     * @param timeout        per call
     */
    public AzureBlobStore(BlobServiceClient service, String containerName, boolean userDelegation, Duration timeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.container = service.getBlobContainerClient(Objects.requireNonNull(containerName, "containerName"));
        this.userDelegation = userDelegation;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The container client (for tests and tools). */
    public BlobContainerClient containerClient() {
        return container;
    }

    @Override
    public String containerUrl() {
        return container.getBlobContainerUrl();
    }

    @Override
    public String blobUrl(String name) {
        return container.getBlobClient(name).getBlobUrl();
    }

    @Override
    public BlobPage list(String prefix, String continuation, int pageSize) {
        try {
            ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix).setMaxResultsPerPage(pageSize)
                    .setDetails(new BlobListDetails().setRetrieveMetadata(true));
            Iterator<PagedResponse<BlobItem>> pages = container.listBlobs(options, continuation, timeout)
                    .iterableByPage(continuation, pageSize).iterator();
            if (!pages.hasNext()) {
                return new BlobPage(List.of(), null);
            }
            PagedResponse<BlobItem> page = pages.next();
            List<BlobPage.BlobItem> items = new ArrayList<>(page.getValue().size());
            for (BlobItem item : page.getValue()) {
                if (Boolean.TRUE.equals(item.isPrefix())) {
                    continue;
                }
                items.add(new BlobPage.BlobItem(item.getName(), item.getProperties().getContentLength(),
                        item.getProperties().getETag(), md5(item.getProperties().getContentMd5()),
                        item.getMetadata()));
            }
            return new BlobPage(items, page.getContinuationToken());
        } catch (RuntimeException e) {
            throw translate("list", prefix, e);
        }
    }

    @Override
    public Optional<BlobProperties> properties(String name) {
        try {
            com.azure.storage.blob.models.BlobProperties p = container.getBlobClient(name)
                    .getPropertiesWithResponse(null, timeout, Context.NONE).getValue();
            CopyState copy = null;
            if (p.getCopyId() != null && p.getCopyStatus() != null) {
                copy = new CopyState(p.getCopyId(), status(p.getCopyStatus()), p.getCopyStatusDescription());
            }
            return Optional.of(new BlobProperties(name, p.getBlobSize(), p.getETag(), md5(p.getContentMd5()),
                    p.getAccessTier() == null ? "" : p.getAccessTier().toString(),
                    p.getLastModified() == null ? null : p.getLastModified().toInstant(),
                    p.getMetadata() == null ? Map.of() : p.getMetadata(), copy));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw translate("get properties of", name, e);
        } catch (RuntimeException e) {
            throw translate("get properties of", name, e);
        }
    }

    @Override
    public CopyState startCopy(String name, SignedUrl source, String tier, Map<String, String> metadata,
                               String sourceIfMatch) {
        BlobBeginCopyOptions options = new BlobBeginCopyOptions(source.reveal())
                .setMetadata(metadata.isEmpty() ? null : metadata)
                .setPollInterval(POLL_INTERVAL);
        if (!tier.isEmpty()) {
            options.setTier(AccessTier.fromString(tier));
        }
        if (!sourceIfMatch.isEmpty()) {
            options.setSourceRequestConditions(new BlobBeginCopySourceRequestConditions().setIfMatch(sourceIfMatch));
        }
        try {
            SyncPoller<BlobCopyInfo, Void> poller = container.getBlobClient(name).beginCopy(options);
            // the poller's activation is the Copy Blob call itself; waiting for IN_PROGRESS returns its answer
            // without a status request (the copy's real status is in the answer's x-ms-copy-status)
            BlobCopyInfo info = poller.waitUntil(LongRunningOperationStatus.IN_PROGRESS).getValue();
            return new CopyState(info.getCopyId(), status(info.getCopyStatus()), info.getError());
        } catch (RuntimeException e) {
            throw translate("start copy to", name, e);
        }
    }

    @Override
    public void abortCopy(String name, String copyId) {
        try {
            container.getBlobClient(name).abortCopyFromUrlWithResponse(copyId, null, timeout, Context.NONE);
        } catch (RuntimeException e) {
            throw translate("abort copy " + copyId + " to", name, e);
        }
    }

    @Override
    public void setTier(String name, String tier) {
        try {
            container.getBlobClient(name).setAccessTierWithResponse(AccessTier.fromString(tier), null, null, timeout,
                    Context.NONE);
        } catch (RuntimeException e) {
            throw translate("set tier " + tier + " of", name, e);
        }
    }

    @Override
    public DeleteOutcome deleteIfMatch(String name, String etag) {
        try {
            container.getBlobClient(name).deleteWithResponse(null, new BlobRequestConditions().setIfMatch(etag),
                    timeout, Context.NONE);
            return DeleteOutcome.DELETED;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return DeleteOutcome.NOT_FOUND;
            }
            if (e.getStatusCode() == 412) {
                // a missing blob fails If-Match too (Azurite, RFC 9110): gone is not changed
                return properties(name).isPresent() ? DeleteOutcome.CHANGED : DeleteOutcome.NOT_FOUND;
            }
            throw translate("delete", name, e);
        } catch (RuntimeException e) {
            throw translate("delete", name, e);
        }
    }

    @Override
    public ReadGrant grantRead(Instant expiresAt) {
        OffsetDateTime expiry = expiresAt.atOffset(ZoneOffset.UTC);
        OffsetDateTime start = Instant.now().minus(SAS_SKEW).atOffset(ZoneOffset.UTC);
        UserDelegationKey key;
        if (userDelegation) {
            try {
                key = service.getUserDelegationKey(start, expiry);
            } catch (RuntimeException e) {
                throw translate("get a user delegation key for", container.getBlobContainerName(), e);
            }
        } else {
            key = null;
        }
        return new ReadGrant() {
            @Override
            public SignedUrl url(String blobName) {
                BlobClient blob = container.getBlobClient(blobName);
                BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry,
                        new BlobSasPermission().setReadPermission(true)).setStartTime(start);
                String sas = key == null ? blob.generateSas(values) : blob.generateUserDelegationSas(values, key);
                return SignedUrl.of(blob.getBlobUrl() + "?" + sas);
            }

            @Override
            public Instant expiresAt() {
                return expiresAt;
            }
        };
    }

    private static CopyState.Status status(CopyStatusType type) {
        return CopyState.Status.parse(type.toString());
    }

    private static String md5(byte[] md5) {
        return md5 == null || md5.length == 0 ? "" : Base64.getEncoder().encodeToString(md5);
    }

    /** Maps an SDK failure to the port's exception, without the SDK's message (it may quote URLs). */
    static BlobStoreException translate(String operation, String name, RuntimeException e) {
        if (e instanceof BlobStorageException b) {
            int status = b.getStatusCode();
            String code = b.getErrorCode() == null ? "" : b.getErrorCode().toString();
            BlobStoreException.Kind kind = switch (status) {
                case 404 -> BlobStoreException.Kind.NOT_FOUND;
                case 412 -> BlobStoreException.Kind.PRECONDITION_FAILED;
                case 409 -> BlobStoreException.Kind.CONFLICT;
                case 401, 403 -> BlobStoreException.Kind.FORBIDDEN;
                case 408, 429, 500, 502, 503, 504 -> BlobStoreException.Kind.TRANSIENT;
                default -> BlobStoreException.Kind.OTHER;
            };
            return new BlobStoreException(kind, status, code,
                    operation + " " + name + ": HTTP " + status + (code.isEmpty() ? "" : " " + code), null);
        }
        if (e instanceof IllegalArgumentException) {
            return new BlobStoreException(BlobStoreException.Kind.OTHER, 0, "", operation + " " + name + ": "
                    + e.getClass().getSimpleName(), null);
        }
        // timeouts, resets, DNS: no answer came
        String what = e instanceof UncheckedIOException || e.getCause() != null
                ? (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() : e.getClass().getSimpleName();
        return new BlobStoreException(BlobStoreException.Kind.TRANSIENT, 0, "",
                operation + " " + name + ": no answer (" + what + ")", null);
    }
}
