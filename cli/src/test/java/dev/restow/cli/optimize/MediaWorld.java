package dev.restow.cli.optimize;

import dev.restow.config.MediaConfig;
import dev.restow.local.LocalPostgres;
import dev.restow.local.LocalS3;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A media world on the shared local servers: a fresh database with the three default tables, a fresh bucket, two
 * photos, a text file posing as a JPEG, and rows of every kind pointing at them.
 */
final class MediaWorld implements AutoCloseable {

    final String database;
    final String bucket;
    final DataSource db;
    final S3Client s3;
    private final LocalPostgres postgres = LocalPostgres.shared();
    private final LocalS3 local = LocalS3.shared();

    MediaWorld() throws SQLException, IOException {
        database = postgres.createDatabase();
        bucket = "optimize-" + UUID.randomUUID().toString().substring(0, 8);
        db = postgres.dataSource(database);
        local.createBucket(bucket);
        s3 = S3Client.builder().endpointOverride(local.endpoint()).forcePathStyle(true)
                .region(Region.of(local.region())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(local.accessKey(),
                        local.secretKey()))).build();
        put("photos/a.jpg", photo("jpeg", 1));
        put("photos/b.png", photo("png", 2));
        put("photos/notes.jpg", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sql("CREATE TABLE accounts_profile (id integer PRIMARY KEY, avatar varchar(255), banner varchar(255))",
                "CREATE TABLE post_postmedia (id integer PRIMARY KEY, media_type varchar(20), media_file varchar(255))",
                "CREATE TABLE event_event (id integer PRIMARY KEY, cover varchar(255), poster varchar(255))",
                "INSERT INTO accounts_profile VALUES (1, 'photos/a.jpg', NULL), (2, '', 'photos/old.webp')",
                "INSERT INTO post_postmedia VALUES (1, 'image', 'photos/b.png'), (2, 'video', 'photos/clip.mp4')",
                "INSERT INTO event_event VALUES (1, 'photos/notes.jpg', NULL)");
    }

    /** The functions' environment, pointing here. */
    Map<String, String> env() {
        return Map.of(MediaConfig.DATABASE_URL, postgres.libpqUrl(database), MediaConfig.BUCKET, bucket,
                MediaConfig.S3_ENDPOINT, local.endpoint().toString(), MediaConfig.S3_REGION, local.region(),
                MediaConfig.ACCESS_KEY_ID, local.accessKey(), MediaConfig.SECRET_ACCESS_KEY, local.secretKey());
    }

    /** Every row of the three tables, and every object with its ETag: what a dry run must leave alone. */
    List<String> snapshot() throws SQLException {
        List<String> out = new ArrayList<>();
        for (String q : List.of("SELECT id, avatar, banner FROM accounts_profile ORDER BY id",
                "SELECT id, media_type, media_file FROM post_postmedia ORDER BY id",
                "SELECT id, cover, poster FROM event_event ORDER BY id")) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
                while (rs.next()) {
                    out.add(q.substring(q.indexOf("FROM")) + ": " + rs.getString(1) + "|" + rs.getString(2) + "|"
                            + rs.getString(3));
                }
            }
        }
        for (S3Object o : s3.listObjectsV2(b -> b.bucket(bucket)).contents()) {
            out.add("s3://" + bucket + "/" + o.key() + " " + o.eTag());
        }
        return out;
    }

    /** Rows in the ledger table, 0 when it does not exist. */
    long ledgerEntries() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('restow_ledger') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM restow_ledger")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String value(String query) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static byte[] photo(String format, int seed) throws IOException {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(240, 150, 60), 400, 300, new Color(40, 60, 130)));
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        Random r = new Random(seed);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                int n = r.nextInt(9) - 4;
                int rgb = img.getRGB(x, y);
                img.setRGB(x, y, (c((rgb >> 16 & 255) + n) << 16) | (c((rgb >> 8 & 255) + n) << 8) | c((rgb & 255) + n));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static int c(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Override
    public void close() {
        s3.close();
    }

}
