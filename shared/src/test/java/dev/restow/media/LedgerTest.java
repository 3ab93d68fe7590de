package dev.restow.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.restow.db.DbSettings;
import dev.restow.db.Pools;
import dev.restow.db.SqlIdentifier;
import dev.restow.local.LocalPostgres;
import dev.restow.outcome.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static HikariDataSource ds;
    private static int tableCounter;

    @BeforeAll
    static void start() {
        LocalPostgres pg = LocalPostgres.shared();
        ds = Pools.create(DbSettings.parseUrl("DATABASE_URL", pg.libpqUrl(pg.createDatabase())).withPoolSize(4),
                "ledger-test");
    }

    @AfterAll
    static void stop() {
        ds.close();
    }

    private static Ledger newLedger() {
        return new Ledger(ds, SqlIdentifier.of("ledger_" + (++tableCounter)), Duration.ofSeconds(10));
    }

    private static LedgerEntry entry(String value, Outcome outcome) {
        return new LedgerEntry("accounts_profile", "7", "avatar", value, "", outcome, 100, 50, "run", null);
    }

    @Test
    void entryId_should_beStable_when_computedTwice() {
        assertThat(Ledger.entryId("s", "1", "c", "v")).isEqualTo(Ledger.entryId("s", "1", "c", "v"));
        assertThat(Ledger.entryId("s", "1", "c", "v")).isNotEqualTo(Ledger.entryId("s", "1", "c", "w"));
    }

    @Test
    void finalEntries_should_beEmptyWithoutCreatingTheTable_when_tableIsAbsent() throws Exception {
        Ledger ledger = newLedger();

        Set<UUID> found = ledger.finalEntries(List.of(Ledger.entryId("s", "1", "c", "v")));

        assertThat(found).isEmpty();
        assertThat(ledger.exists()).isFalse();
    }

    @Test
    void exists_should_beTrue_when_created() throws Exception {
        Ledger ledger = newLedger();

        ledger.createIfAbsent();

        assertThat(ledger.exists()).isTrue();
    }

    @Test
    void record_should_keepTheFirstFinalEntry_when_recordedTwice() throws Exception {
        Ledger ledger = newLedger();

        boolean first = ledger.record(entry("a.jpg", Outcome.rejected("corrupt")));
        boolean second = ledger.record(entry("a.jpg", Outcome.skipped("no-savings")));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(ledger.all()).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.rejected("corrupt")));
    }

    @Test
    void record_should_replaceAFailedEntry_when_aLaterAttemptSettles() throws Exception {
        Ledger ledger = newLedger();
        ledger.record(entry("a.jpg", Outcome.failed("storage-unavailable")));

        boolean replaced = ledger.record(entry("a.jpg", Outcome.converted()));

        assertThat(replaced).isTrue();
        assertThat(ledger.find("accounts_profile", "7", "avatar", "a.jpg"))
                .hasValueSatisfying(e -> assertThat(e.outcome()).isEqualTo(Outcome.converted()));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT attempts FROM " + ledger.table().quoted())) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void finalEntries_should_leaveOutFailedEntries_when_asked() throws Exception {
        Ledger ledger = newLedger();
        ledger.record(entry("done.jpg", Outcome.rejected("not-an-image")));
        ledger.record(entry("retry.jpg", Outcome.failed("storage-unavailable")));
        UUID done = Ledger.entryId("accounts_profile", "7", "avatar", "done.jpg");
        UUID retry = Ledger.entryId("accounts_profile", "7", "avatar", "retry.jpg");
        UUID unknown = Ledger.entryId("accounts_profile", "7", "avatar", "new.jpg");

        Set<UUID> result = ledger.finalEntries(List.of(done, retry, unknown));

        assertThat(result).containsExactly(done);
    }

    @Test
    void createIfAbsent_should_succeed_when_calledFromManyThreadsAtOnce() throws Exception {
        SqlIdentifier name = SqlIdentifier.of("ledger_race_" + (++tableCounter));
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    new Ledger(ds, name, Duration.ofSeconds(10)).createIfAbsent();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(errors).isEmpty();
    }
}
