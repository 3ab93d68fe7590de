package dev.restow.azure.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.config.EcalConfig;
import dev.restow.config.Env;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-level host.json, local.settings.sample.json and docs/deploy-azure.md agree with the code. */
class DeploymentFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    private static JsonNode hostJson() throws IOException {
        return JSON.readTree(ROOT.resolve("host.json").toFile());
    }

    private static Map<String, String> sampleValues() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        JSON.readTree(ROOT.resolve("local.settings.sample.json").toFile()).get("Values").fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue()
                        : "<not a string: " + e.getValue() + ">"));
        return values;
    }

    @Test
    void hostJson_should_useVersion2WithTheExtensionBundle4() throws IOException {
        JsonNode host = hostJson();

        assertThat(List.of(host.get("version").asText(), host.at("/extensionBundle/id").asText(),
                host.at("/extensionBundle/version").asText()))
                .containsExactly("2.0", "Microsoft.Azure.Functions.ExtensionBundle", "[4.*, 5.0.0)");
    }

    @Test
    void hostJson_should_nameAValidTaskHub() throws IOException {
        assertThat(hostJson().at("/extensions/durableTask/hubName").asText()).matches("[A-Za-z][A-Za-z0-9]{2,44}");
    }

    @Test
    void hostJson_should_boundDurableConcurrency() throws IOException {
        JsonNode durable = hostJson().at("/extensions/durableTask");

        assertThat(List.of(durable.get("maxConcurrentActivityFunctions").asInt(),
                durable.get("maxConcurrentOrchestratorFunctions").asInt())).allMatch(n -> n > 0 && n <= 64);
    }

    @Test
    void hostJson_should_setTheAgreedLogLevels() throws IOException {
        JsonNode levels = hostJson().at("/logging/logLevel");

        assertThat(List.of(levels.get("Function").asText(), levels.get("Host.Results").asText(),
                levels.get("DurableTask.AzureStorage").asText()))
                .containsExactly("Information", "Error", "Warning");
    }

    @Test
    void hostJson_should_haveAFunctionTimeoutOfAtMostTenMinutes() throws IOException {
        LocalTime timeout = LocalTime.parse(hostJson().get("functionTimeout").asText());

        assertThat(timeout).isBetween(LocalTime.of(0, 1), LocalTime.of(0, 10));
    }

    @Test
    void sample_should_keepTheTimerOff() throws IOException {
        assertThat(sampleValues()).containsEntry("AzureWebJobs.ScheduledEcalMigration.Disabled", "true");
    }

    @Test
    void sample_should_listEverySettingTheCodeReads() throws IOException {
        List<String> wanted = new ArrayList<>(EcalConfig.VARIABLES);
        wanted.addAll(List.of(MigrationTimerStarter.SCHEDULE_SETTING, ScheduleSettings.OLDER_THAN_DAYS,
                ScheduleSettings.SINCE, "FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"));

        assertThat(sampleValues().keySet()).containsAll(wanted);
    }

    @Test
    void sample_should_holdOnlyStrings() throws IOException {
        assertThat(sampleValues().values()).noneMatch(v -> v.startsWith("<not a string"));
    }

    @Test
    void sample_should_carryNoSecrets() throws IOException {
        assertThat(sampleValues().values()).noneMatch(v -> v.contains("AccountKey=")
                || v.contains("SharedAccessSignature=") || v.contains("sig="));
    }

    @Test
    void sample_should_loadAsAValidConfiguration() throws IOException {
        Map<String, String> values = sampleValues();

        assertThat(List.of(EcalConfig.load(Env.of(values)).coldContainer(),
                ScheduleSettings.fromEnv(Env.of(values)).olderThanDays())).containsExactly("ecal-cold-storage", 90);
    }

    @Test
    void deployGuide_should_documentEverySampleSetting() throws IOException {
        String guide = Files.readString(ROOT.resolve("docs/deploy-azure.md"));

        assertThat(sampleValues().keySet()).allMatch(guide::contains);
    }
}
