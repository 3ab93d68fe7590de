package dev.restow.azure.starter;

import dev.restow.config.ConfigException;
import dev.restow.config.Env;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleSettingsTest {

    @Test
    void fromEnv_should_useDefaults_when_onlyDaysAreSet() {
        assertThat(ScheduleSettings.fromEnv(Env.of(Map.of("ECAL_MIGRATE_OLDER_THAN_DAYS", "90"))))
                .isEqualTo(new ScheduleSettings(90, LocalDate.of(1970, 1, 1)));
    }

    @Test
    void fromEnv_should_readEverySetting_when_allAreSet() {
        assertThat(ScheduleSettings.fromEnv(Env.of(Map.of("ECAL_MIGRATE_OLDER_THAN_DAYS", "30",
                "ECAL_MIGRATE_SINCE", "2024-01-01"))))
                .isEqualTo(new ScheduleSettings(30, LocalDate.of(2024, 1, 1)));
    }

    @Test
    void fromEnv_should_refuse_when_daysAreMissing() {
        ConfigException e = assertThrows(ConfigException.class, () -> ScheduleSettings.fromEnv(Env.of(Map.of())));

        assertThat(e).hasMessage("ECAL_MIGRATE_OLDER_THAN_DAYS: is required when the timer starter is enabled");
    }

    @Test
    void fromEnv_should_refuse_when_daysAreZero() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ScheduleSettings.fromEnv(Env.of(Map.of("ECAL_MIGRATE_OLDER_THAN_DAYS", "0"))));

        assertThat(e).hasMessage("ECAL_MIGRATE_OLDER_THAN_DAYS: 0 is out of range 1..36500");
    }

    @Test
    void fromEnv_should_refuse_when_sinceIsNotADate() {
        ConfigException e = assertThrows(ConfigException.class, () -> ScheduleSettings.fromEnv(Env.of(Map.of(
                "ECAL_MIGRATE_OLDER_THAN_DAYS", "30", "ECAL_MIGRATE_SINCE", "01/01/2024"))));

        assertThat(e).hasMessage("ECAL_MIGRATE_SINCE: '01/01/2024' is not a date YYYY-MM-DD");
    }

    @Test
    void lastDay_should_beTheDayBeforeTodayMinusN_always() {
        ScheduleSettings s = new ScheduleSettings(30, ScheduleSettings.DEFAULT_SINCE);

        assertThat(s.lastDay(LocalDate.of(2025, 3, 31))).isEqualTo(LocalDate.of(2025, 2, 28));
    }
}
