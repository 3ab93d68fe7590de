package dev.restow.ecal.migration;

import java.util.Objects;

/**
 * One record of a migration unit.
 *
 * @param ecalId    the row's id
 * @param sourceUrl the {@code .ecalmeas} URL in the source container
 * @param coldUrl   the URL it gets in the cold container
 * @param atCold    whether the row already points at {@code coldUrl} (an earlier run committed it)
 */
public record RecordRef(String ecalId, String sourceUrl, String coldUrl, boolean atCold) {
    public RecordRef {
        Objects.requireNonNull(ecalId, "ecalId");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(coldUrl, "coldUrl");
    }
}
