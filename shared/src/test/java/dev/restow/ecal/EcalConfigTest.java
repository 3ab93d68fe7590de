package dev.restow.ecal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restow.config.ConfigException;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcalConfigTest {
    private static final String KEY = "c2VjcmV0LWtleS1ieXRlcw==";
    private static final String HOT_CS = "DefaultEndpointsProtocol=https;AccountName=hotacct;AccountKey=" + KEY
            + ";EndpointSuffix=core.windows.net";
    private static final String COLD_CS = "DefaultEndpointsProtocol=https;AccountName=coldacct;AccountKey=" + KEY
            + ";EndpointSuffix=core.windows.net";

    private static Map<String, String> original() {
        Map<String, String> m = new HashMap<>();
        m.put("DB_HOST", "db.internal");
        m.put("DB_NAME", "ecal");
        m.put("DB_USER", "migrator");
        m.put("DB_PASSWORD", "pa55word");
        m.put("SOURCE_AZURE_CONNECTION_STRING", HOT_CS);
        m.put("COLD_STORAGE_CONNECTION_STRING", COLD_CS);
        return m;
    }

    @Test
    void load_should_applyOriginalDefaults_when_onlyOriginalVariablesAreSet() {
        EcalConfig c = EcalConfig.load(Env.of(original()));

        assertThat(List.of(c.db().port(), c.coldContainer(), c.deleteSource(), c.copyDeadline(), c.sasLifetime()))
                .containsExactly(5432, "ecal-cold-storage", true, Duration.ofHours(1), Duration.ofHours(2));
    }

    @Test
    void load_should_deriveBlobEndpoints_when_connectionStringsNameAccounts() {
        EcalConfig c = EcalConfig.load(Env.of(original()));

        assertThat(List.of(c.locations().source().endpoint(), c.locations().cold().containerUrl())).containsExactly(
                "https://hotacct.blob.core.windows.net", "https://coldacct.blob.core.windows.net/ecal-cold-storage");
    }

    @Test
    void load_should_nameVariable_when_dbHostMissing() {
        Map<String, String> m = original();
        m.remove("DB_HOST");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("DB_HOST: is required but not set");
    }

    @Test
    void load_should_nameVariable_when_dbPortIsNotANumber() {
        Map<String, String> m = original();
        m.put("DB_PORT", "fivefour");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("DB_PORT: 'fivefour' is not a whole number");
    }

    @Test
    void load_should_offerManagedIdentity_when_noSourceAccessIsSet() {
        Map<String, String> m = original();
        m.remove("SOURCE_AZURE_CONNECTION_STRING");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("SOURCE_AZURE_CONNECTION_STRING: is required but not set"
                + " (or set SOURCE_STORAGE_ACCOUNT_URL to use the managed identity)");
    }

    @Test
    void load_should_useManagedIdentity_when_accountUrlsAreSet() {
        Map<String, String> m = original();
        m.remove("SOURCE_AZURE_CONNECTION_STRING");
        m.remove("COLD_STORAGE_CONNECTION_STRING");
        m.put("SOURCE_STORAGE_ACCOUNT_URL", "https://hotacct.blob.core.windows.net/");
        m.put("COLD_STORAGE_ACCOUNT_URL", "https://coldacct.blob.core.windows.net");

        EcalConfig c = EcalConfig.load(Env.of(m));

        assertThat(List.of(c.source(), c.cold())).containsExactly(
                new EcalConfig.StorageAccess.ManagedIdentity("https://hotacct.blob.core.windows.net"),
                new EcalConfig.StorageAccess.ManagedIdentity("https://coldacct.blob.core.windows.net"));
    }

    @Test
    void load_should_refuseSasOnlySource_when_copiesNeedASigningKey() {
        Map<String, String> m = original();
        m.put("SOURCE_AZURE_CONNECTION_STRING", "BlobEndpoint=https://hotacct.blob.core.windows.net;"
                + "SharedAccessSignature=sv=2024&sig=abc");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("SOURCE_AZURE_CONNECTION_STRING: has no AccountKey, so read SAS tokens for the copies"
                + " cannot be signed; use an account-key connection string or set SOURCE_STORAGE_ACCOUNT_URL"
                + " (managed identity) instead");
    }

    @Test
    void load_should_notShowConnectionString_when_itIsMalformed() {
        Map<String, String> m = original();
        m.put("COLD_STORAGE_CONNECTION_STRING", "secretkeymaterial;AccountName=coldacct");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("COLD_STORAGE_CONNECTION_STRING: is not a storage connection string"
                + " (expected Key=Value pairs separated by ';')");
    }

    @Test
    void toString_should_maskSecrets_when_printed() {
        String shown = EcalConfig.load(Env.of(original())).toString();

        assertThat(shown).doesNotContain(KEY, "pa55word").contains("****");
    }

    @Test
    void load_should_nameVariable_when_tierIsUnknown() {
        Map<String, String> m = original();
        m.put("ECAL_TIER", "Glacier");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("ECAL_TIER: 'Glacier' is not one of Hot, Cool, Cold, Archive"
                + " (or empty for the account default)");
    }

    @Test
    void load_should_nameVariable_when_coldContainerIsInvalid() {
        Map<String, String> m = original();
        m.put("COLD_STORAGE_CONTAINER", "Cold_Storage");

        ConfigException e = assertThrows(ConfigException.class, () -> EcalConfig.load(Env.of(m)));

        assertThat(e).hasMessage("COLD_STORAGE_CONTAINER: 'Cold_Storage' is not a valid container name"
                + " (3-63 lower-case letters, digits and single hyphens)");
    }

    @Test
    void load_should_pointEmulatorEndpoint_when_developmentStorageIsUsed() {
        Map<String, String> m = original();
        m.put("COLD_STORAGE_CONNECTION_STRING", "UseDevelopmentStorage=true");

        assertThat(EcalConfig.load(Env.of(m)).cold().blobEndpoint()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
    }

    @Test
    void tune_should_carryDeadlinesAndParallelism_when_buildingInput() {
        Map<String, String> m = original();
        m.put("ECAL_COPY_DEADLINE_SECONDS", "600");
        m.put("ECAL_MAX_PARALLEL_RECORDS", "2");
        m.put("ECAL_WAVE_SIZE", "20");

        MigrationInput in = EcalConfig.load(Env.of(m)).tune(MigrationInput.ofIds(List.of("a"), ""));

        assertThat(List.of(in.copyDeadlineSeconds(), (long) in.maxParallelRecords(), (long) in.waveSize()))
                .containsExactly(600L, 2L, 20L);
    }
}
