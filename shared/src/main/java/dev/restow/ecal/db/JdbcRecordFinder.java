package dev.restow.ecal.db;

import dev.restow.ecal.EcalLocations;
import dev.restow.ecal.EcalUrlException;
import dev.restow.ecal.selection.RecordFinder;
import dev.restow.ecal.selection.RecordSummary;
import dev.restow.ecal.selection.Selection;
import java.util.List;
import java.util.Objects;

/**
 * {@link RecordFinder} over the {@code ecal} table: the rows a selection covers, each with its
 * destination in cold storage. A row whose URL cannot be migrated gets the destination "" (the
 * migration will report it {@code rejected}).
 */
public final class JdbcRecordFinder implements RecordFinder {
    private final EcalRepository repository;
    private final EcalLocations locations;

    public JdbcRecordFinder(EcalRepository repository, EcalLocations locations) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    @Override
    public List<RecordSummary> find(Selection selection) {
        return repository.find(selection).stream().map(r -> summary(r, locations)).toList();
    }

    /** A row as the preview and the plan token see it: its URL and where it goes ("" when it cannot move). */
    public static RecordSummary summary(EcalRow row, EcalLocations locations) {
        String url = row.ecalName() == null ? "" : row.ecalName();
        String destination;
        try {
            destination = locations.resolve(url).coldUrl();
        } catch (EcalUrlException e) {
            destination = "";
        }
        return new RecordSummary(row.ecalId(), url, destination, row.sizeGb(), row.recordingStartTime());
    }
}
