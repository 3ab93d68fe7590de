package dev.restow.cli.migrate;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import dev.restow.config.EcalConfig;
import dev.restow.local.LocalAzurite;
import dev.restow.local.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An ECAL world on the shared local servers: a fresh database with the {@code ecal} table, fresh hot and cold
 * containers in Azurite's {@code hotstore} and {@code coldstore}, and three recordings (two on 2025-02-14, one on
 * 2025-02-15), each a directory with a measurement file and nested channel blobs.
 */
final class EcalWorld {

    static final List<String> FILES = List.of("m.ecalmeas", "channels/cam/000001.dat", "channels/cam/000002.dat",
            "meta/info.json");

    final String database;
    final DataSource db;
    final BlobContainerClient hot;
    final BlobContainerClient cold;
    final String hotBase;
    final String coldBase;
    private final LocalPostgres postgres = LocalPostgres.shared();
    private final LocalAzurite azurite = LocalAzurite.shared();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    EcalWorld() throws SQLException {
        database = postgres.createDatabase();
        db = postgres.dataSource(database);
        hot = new BlobServiceClientBuilder().connectionString(azurite.connectionString("hotstore")).buildClient()
                .createBlobContainer("rec-" + suffix);
        cold = new BlobServiceClientBuilder().connectionString(azurite.connectionString("coldstore")).buildClient()
                .createBlobContainer("cold-" + suffix);
        hotBase = azurite.blobEndpoint("hotstore") + "/" + hot.getBlobContainerName() + "/";
        coldBase = azurite.blobEndpoint("coldstore") + "/" + cold.getBlobContainerName() + "/";
        sql("CREATE TABLE ecal (ecal_id VARCHAR PRIMARY KEY, ecal_name TEXT, recording_start_time TIMESTAMP, "
                + "upload_start_time TIMESTAMP, upload_end_time TIMESTAMP, map TEXT, size_gb DECIMAL, length INTEGER, "
                + "is_valid BOOLEAN, invalid_reason_id INTEGER, recording_end_time TIMESTAMP)");
        recording("e1", "2025-02-14 08:00:00", "drive-1/20250214T080000/");
        recording("e2", "2025-02-14 15:30:00", "drive-2/20250214T153000/");
        recording("e3", "2025-02-15 09:00:00", "drive-1/20250215T090000/");
    }

    private void recording(String id, String start, String dir) throws SQLException {
        String directory = "recording/" + start.substring(0, 10) + "/" + dir;
        for (String f : FILES) {
            hot.getBlobClient(directory + f).upload(BinaryData.fromString(id + " " + f + " ".repeat(1000)));
        }
        sql("INSERT INTO ecal (ecal_id, ecal_name, recording_start_time, size_gb) VALUES ('" + id + "', '" + hotBase
                + directory + "m.ecalmeas', TIMESTAMP '" + start + "', 0.000004)");
    }

    /** The functions' settings, pointing here. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(EcalConfig.DB_HOST, postgres.host());
        env.put(EcalConfig.DB_PORT, String.valueOf(postgres.port()));
        env.put(EcalConfig.DB_NAME, database);
        env.put(EcalConfig.DB_USER, postgres.user());
        env.put(EcalConfig.DB_PASSWORD, postgres.password());
        env.put(EcalConfig.SOURCE_CONNECTION_STRING, azurite.connectionString("hotstore"));
        env.put(EcalConfig.SOURCE_CONTAINER, hot.getBlobContainerName());
        env.put(EcalConfig.COLD_CONNECTION_STRING, azurite.connectionString("coldstore"));
        env.put(EcalConfig.COLD_CONTAINER, cold.getBlobContainerName());
        return env;
    }

    /** Every row's URL and every blob of both containers with its ETag. */
    List<String> snapshot() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ecal_id, ecal_name FROM ecal ORDER BY ecal_id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        for (BlobContainerClient container : List.of(hot, cold)) {
            for (BlobItem b : container.listBlobs()) {
                out.add(container.getBlobContainerName() + "/" + b.getName() + " " + b.getProperties().getETag());
            }
        }
        return out;
    }

    String url(String ecalId) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ecal_name FROM ecal WHERE ecal_id = '" + ecalId + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    long blobs(BlobContainerClient container, String prefix) {
        long n = 0;
        for (BlobItem ignored : container.listBlobs(new com.azure.storage.blob.models.ListBlobsOptions()
                .setPrefix(prefix), null)) {
            n++;
        }
        return n;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
