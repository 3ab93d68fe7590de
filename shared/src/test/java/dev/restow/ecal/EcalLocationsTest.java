package dev.restow.ecal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcalLocationsTest {
    private static final String HOT = "https://hotacct.blob.core.windows.net";
    private static final String COLD = "https://coldacct.blob.core.windows.net";
    private static final EcalLocations LOCATIONS = new EcalLocations(ContainerLocation.of(HOT, "recordings"),
            ContainerLocation.of(COLD, "ecal-cold-storage"));
    private static final String FILE = "/recordings/recording/2025-02-14/session-7/20250214_093000/drive.ecalmeas";

    @Test
    void resolve_should_giveColdUrlWithSamePath_when_urlIsInSourceContainer() {
        EcalUrl u = LOCATIONS.resolve(HOT + FILE);

        assertThat(u.coldUrl()).isEqualTo(COLD + "/ecal-cold-storage/recording/2025-02-14/session-7/20250214_093000/drive.ecalmeas");
    }

    @Test
    void resolve_should_takeTheFilesDirectory_when_urlIsValid() {
        EcalUrl u = LOCATIONS.resolve(HOT + FILE);

        assertThat(List.of(u.directory(), u.fileName(), u.recordingDate().toString(), u.sourceContainer()))
                .containsExactly("recording/2025-02-14/session-7/20250214_093000/", "drive.ecalmeas", "2025-02-14",
                        "recordings");
    }

    @Test
    void resolve_should_markAtCold_when_urlIsAlreadyInColdContainer() {
        EcalUrl u = LOCATIONS.resolve(COLD + "/ecal-cold-storage/recording/2025-02-14/s/t/x.ecalmeas");

        assertThat(List.of(u.atCold(), u.sourceUrl())).containsExactly(true,
                HOT + "/recordings/recording/2025-02-14/s/t/x.ecalmeas");
    }

    @Test
    void resolve_should_decodeBlobName_when_pathIsPercentEncoded() {
        EcalUrl u = LOCATIONS.resolve(HOT + "/recordings/recording/2025-02-14/my%20session/t%C3%A9/a%2Bb.ecalmeas");

        assertThat(List.of(u.blobName(), u.coldUrl())).containsExactly(
                "recording/2025-02-14/my session/té/a+b.ecalmeas",
                COLD + "/ecal-cold-storage/recording/2025-02-14/my%20session/t%C3%A9/a%2Bb.ecalmeas");
    }

    @Test
    void resolve_should_matchHostIgnoringCase_when_urlUsesUpperCaseHost() {
        EcalUrl u = LOCATIONS.resolve("https://HOTACCT.blob.core.windows.net" + FILE);

        assertThat(u.directory()).isEqualTo("recording/2025-02-14/session-7/20250214_093000/");
    }

    @Test
    void resolve_should_acceptPathStyleEmulatorEndpoints_when_configured() {
        EcalLocations local = new EcalLocations(ContainerLocation.of("http://127.0.0.1:10000/hotstore", "hot"),
                ContainerLocation.of("http://127.0.0.1:10000/coldstore", "cold"));

        EcalUrl u = local.resolve("http://127.0.0.1:10000/hotstore/hot/recording/2025-02-14/s/t/x.ecalmeas");

        assertThat(u.coldUrl()).isEqualTo("http://127.0.0.1:10000/coldstore/cold/recording/2025-02-14/s/t/x.ecalmeas");
    }

    @Test
    void resolve_should_reject_when_urlIsInAnotherAccount() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve("https://other.blob.core.windows.net" + FILE));

        assertThat(List.of(e.outcome().toString(), e.getMessage())).containsExactly("rejected:foreign-account",
                "ecal_name 'https://other.blob.core.windows.net" + FILE + "' is not in the source storage account " + HOT);
    }

    @Test
    void resolve_should_reject_when_urlIsInAnotherContainer() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve(HOT + "/other/recording/2025-02-14/s/t/x.ecalmeas"));

        assertThat(List.of(e.reason(), e.getMessage())).containsExactly("foreign-container", "ecal_name '" + HOT
                + "/other/recording/2025-02-14/s/t/x.ecalmeas' is not in the source container 'recordings'");
    }

    @Test
    void resolve_should_reject_when_pathIsOneLevelTooDeep() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve(HOT + "/recordings/recording/2025-02-14/s/t/sub/x.ecalmeas"));

        assertThat(e.getMessage()).isEqualTo("ecal_name '" + HOT + "/recordings/recording/2025-02-14/s/t/sub/x.ecalmeas'"
                + " does not have the path recording/YYYY-MM-DD/<session>/<timestamp_dir>/<file>.ecalmeas");
    }

    @Test
    void resolve_should_reject_when_fileIsNotAnEcalmeas() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve(HOT + "/recordings/recording/2025-02-14/s/t/x.mf4"));

        assertThat(e.reason()).isEqualTo("bad-path");
    }

    @Test
    void resolve_should_reject_when_dateDoesNotExist() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve(HOT + "/recordings/recording/2025-02-30/s/t/x.ecalmeas"));

        assertThat(e.getMessage()).isEqualTo("ecal_name '" + HOT + "/recordings/recording/2025-02-30/s/t/x.ecalmeas'"
                + " has an invalid recording date '2025-02-30'");
    }

    @Test
    void resolve_should_rejectWithoutShowingQuery_when_urlCarriesASas() {
        EcalUrlException e = assertThrows(EcalUrlException.class,
                () -> LOCATIONS.resolve(HOT + FILE + "?sv=2024&sig=SECRET"));

        assertThat(e.getMessage()).isEqualTo("ecal_name '" + HOT + FILE
                + "' has a query string or fragment; expected a plain blob URL");
    }

    @Test
    void resolve_should_reject_when_nameIsEmpty() {
        EcalUrlException e = assertThrows(EcalUrlException.class, () -> LOCATIONS.resolve(" "));

        assertThat(List.of(e.reason(), e.getMessage())).containsExactly("bad-url", "ecal_name is empty");
    }

    @Test
    void resolve_should_reject_when_nameIsNotHttp() {
        EcalUrlException e = assertThrows(EcalUrlException.class, () -> LOCATIONS.resolve("ftp://x/y.ecalmeas"));

        assertThat(e.getMessage()).isEqualTo("ecal_name 'ftp://x/y.ecalmeas' is not an http(s) URL");
    }

    @Test
    void resolve_should_acceptAnyContainer_when_noSourceContainerConfigured() {
        EcalLocations any = new EcalLocations(ContainerLocation.of(HOT, ""), ContainerLocation.of(COLD, "cold"));

        EcalUrl u = any.resolve(HOT + "/whatever/recording/2025-02-14/s/t/x.ecalmeas");

        assertThat(List.of(u.sourceContainer(), u.recordingDate())).containsExactly("whatever", LocalDate.of(2025, 2, 14));
    }

    @Test
    void containerLocation_should_refuse_when_nameIsInvalid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContainerLocation.of(HOT, "Bad_Name"));

        assertThat(e).hasMessage("'Bad_Name' is not a valid container name (3-63 lower-case letters, digits and single hyphens)");
    }

    @Test
    void containerLocation_should_nameAccountFromHost_when_endpointIsAzure() {
        assertThat(ContainerLocation.of(HOT + "/", "ccc").account()).isEqualTo("hotacct");
    }
}
