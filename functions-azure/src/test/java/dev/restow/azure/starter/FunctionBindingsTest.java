package dev.restow.azure.starter;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bindings the host will see, read from the annotations the plugin turns into function.json (the packaged
 * function.json files themselves are checked by {@code PackagedFunctionJsonIT} after {@code package}).
 */
class FunctionBindingsTest {

    private static Method function(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(FunctionName.class)).findFirst()
                .orElseThrow();
    }

    @Test
    void httpStarter_should_beNamedStartEcalMigration() {
        assertThat(function(MigrationHttpStarter.class).getAnnotation(FunctionName.class).value())
                .isEqualTo("StartEcalMigration");
    }

    @Test
    void httpStarter_should_triggerOnPostToTheRouteWithFunctionKeys() throws Exception {
        Method m = MigrationHttpStarter.class.getMethod("run", HttpRequestMessage.class, DurableClientContext.class,
                ExecutionContext.class);
        HttpTrigger t = m.getParameters()[0].getAnnotation(HttpTrigger.class);

        assertThat(new Object[]{t.name(), t.route(), t.authLevel(), t.methods()}).containsExactly("req",
                "ecal-migrations", AuthorizationLevel.FUNCTION, new HttpMethod[]{HttpMethod.POST});
    }

    @Test
    void httpStarter_should_takeTheBodyAsOptionalString() {
        Parameter p = function(MigrationHttpStarter.class).getParameters()[0];

        assertThat(p.getParameterizedType().getTypeName())
                .isEqualTo(HttpRequestMessage.class.getName() + "<" + Optional.class.getName() + "<java.lang.String>>");
    }

    @Test
    void httpStarter_should_bindTheDurableClientAsDurableContext() {
        Parameter p = function(MigrationHttpStarter.class).getParameters()[1];

        assertThat(p.getAnnotation(DurableClientInput.class).name()).isEqualTo("durableContext");
    }

    @Test
    void timerStarter_should_beNamedScheduledEcalMigration() {
        assertThat(function(MigrationTimerStarter.class).getAnnotation(FunctionName.class).value())
                .isEqualTo("ScheduledEcalMigration");
    }

    @Test
    void timerStarter_should_takeItsScheduleFromTheAppSetting() {
        TimerTrigger t = function(MigrationTimerStarter.class).getParameters()[0].getAnnotation(TimerTrigger.class);

        assertThat(new String[]{t.name(), t.schedule()}).containsExactly("timer", "%ECAL_MIGRATION_SCHEDULE%");
    }

    @Test
    void timerStarter_should_bindTheDurableClientAsDurableContext() {
        Parameter p = function(MigrationTimerStarter.class).getParameters()[1];

        assertThat(p.getAnnotation(DurableClientInput.class).name()).isEqualTo("durableContext");
    }
}
