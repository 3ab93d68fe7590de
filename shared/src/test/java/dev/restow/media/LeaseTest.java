package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.restow.db.DbSettings;
import dev.restow.db.Pools;
import dev.restow.db.SqlIdentifier;
import dev.restow.local.LocalPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeaseTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static HikariDataSource ds;
    private static int counter;

    @BeforeAll
    static void start() {
        LocalPostgres pg = LocalPostgres.shared();
        ds = Pools.create(DbSettings.parseUrl("DATABASE_URL", pg.libpqUrl(pg.createDatabase())), "lease-test");
    }

    @AfterAll
    static void stop() {
        ds.close();
    }

    private static Lease newLease() {
        return new Lease(ds, SqlIdentifier.of("lease_" + (++counter)), Duration.ofSeconds(10));
    }

    @Test
    void acquire_should_refuseASecondHolder_when_theLeaseIsHeld() throws Exception {
        Lease lease = newLease();
        lease.acquire("walk", "run-1", TTL);

        assertThat(lease.acquire("walk", "run-2", TTL)).isFalse();
        assertThat(lease.current("walk")).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run-1"));
    }

    @Test
    void acquire_should_renew_when_theHolderAsksAgain() throws Exception {
        Lease lease = newLease();
        lease.acquire("walk", "run-1", TTL);

        assertThat(lease.acquire("walk", "run-1", TTL)).isTrue();
    }

    @Test
    void acquire_should_takeOver_when_theLeaseExpired() throws Exception {
        Lease lease = newLease();
        lease.acquire("walk", "run-1", TTL);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE lease_" + counter + " SET expires_at = now() - interval '1 second'");
        }

        assertThat(lease.acquire("walk", "run-2", TTL)).isTrue();
        assertThat(lease.current("walk")).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run-2"));
    }

    @Test
    void release_should_freeTheLease_when_theHolderReleases() throws Exception {
        Lease lease = newLease();
        lease.acquire("walk", "run-1", TTL);

        lease.release("walk", "run-1");

        assertThat(lease.current("walk")).isEmpty();
        assertThat(lease.acquire("walk", "run-2", TTL)).isTrue();
    }

    @Test
    void release_should_keepTheLease_when_anotherRunReleases() throws Exception {
        Lease lease = newLease();
        lease.acquire("walk", "run-1", TTL);

        lease.release("walk", "run-2");

        assertThat(lease.current("walk")).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("run-1"));
    }
}
