package dev.restow.azure.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restow.azure.migration.MigrationOrchestrator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads what azure-functions-maven-plugin staged in {@code package} (the folder the Functions host would run):
 * the function.json files generated from the annotations, host.json and lib/.
 */
class PackagedFunctionJsonIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path staging() {
        String dir = System.getProperty("restow.functions.staging");
        assertThat(dir).as("system property restow.functions.staging (set by failsafe)").isNotBlank();
        return Path.of(dir);
    }

    private static JsonNode read(String relative) throws IOException {
        return JSON.readTree(staging().resolve(relative).toFile());
    }

    private static JsonNode binding(JsonNode functionJson, String name) {
        for (JsonNode b : functionJson.get("bindings")) {
            if (b.get("name").asText().equals(name)) {
                return b;
            }
        }
        throw new AssertionError("no binding named " + name + " in " + functionJson);
    }

    @Test
    void httpStarter_should_beAnHttpTriggerOnPostWithFunctionKeys() throws IOException {
        JsonNode req = binding(read("StartEcalMigration/function.json"), "req");

        assertThat(req).isEqualTo(JSON.readTree("{\"type\":\"httpTrigger\",\"direction\":\"in\",\"name\":\"req\","
                + "\"route\":\"ecal-migrations\",\"methods\":[\"POST\"],\"authLevel\":\"FUNCTION\"}"));
    }

    @Test
    void httpStarter_should_haveTheDurableClientAndAnHttpReturn() throws IOException {
        JsonNode f = read("StartEcalMigration/function.json");

        assertThat(List.of(binding(f, "durableContext").get("type").asText(),
                binding(f, "$return").get("type").asText(), binding(f, "$return").get("direction").asText()))
                .containsExactly("durableClient", "http", "out");
    }

    @Test
    void httpStarter_should_enterAtTheHandler() throws IOException {
        assertThat(read("StartEcalMigration/function.json").get("entryPoint").asText())
                .isEqualTo("dev.restow.azure.starter.MigrationHttpStarter.run");
    }

    @Test
    void timerStarter_should_beATimerTriggerOnTheAppSettingSchedule() throws IOException {
        JsonNode timer = binding(read("ScheduledEcalMigration/function.json"), "timer");

        assertThat(timer).isEqualTo(JSON.readTree("{\"type\":\"timerTrigger\",\"direction\":\"in\","
                + "\"name\":\"timer\",\"schedule\":\"%ECAL_MIGRATION_SCHEDULE%\"}"));
    }

    @Test
    void timerStarter_should_haveTheDurableClient() throws IOException {
        assertThat(binding(read("ScheduledEcalMigration/function.json"), "durableContext").get("type").asText())
                .isEqualTo("durableClient");
    }

    @Test
    void orchestrator_should_beStagedUnderTheNameTheStartersSchedule() throws IOException {
        JsonNode f = read(MigrationOrchestrator.NAME + "/function.json");

        assertThat(f.get("bindings").get(0).get("type").asText()).isEqualTo("orchestrationTrigger");
    }

    @Test
    void scriptFile_should_nameTheStagedJar_forEveryFunction() throws IOException {
        List<Path> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(staging())) {
            for (Path dir : files.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("function.json")))
                    .toList()) {
                String script = JSON.readTree(dir.resolve("function.json").toFile()).get("scriptFile").asText();
                if (!Files.isRegularFile(dir.resolve(script).normalize())) {
                    missing.add(dir.resolve(script));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void hostJson_should_beTheTopLevelOneWithTheExtensionBundle() throws IOException {
        assertThat(read("host.json").at("/extensionBundle/id").asText())
                .isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    }

    @Test
    void lib_should_holdNoTestOnlyModule() throws IOException {
        try (Stream<Path> jars = Files.list(staging().resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("restow-local") || n.startsWith("junit") || n.startsWith("assertj"));
        }
    }
}
