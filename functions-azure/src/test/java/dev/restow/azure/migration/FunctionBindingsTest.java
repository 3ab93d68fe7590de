package dev.restow.azure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the Functions host needs of the annotated classes, checked at the boundary (no host runs
 * here): public classes with public no-argument constructors, one {@code @FunctionName} per
 * orchestrator and activity, the durable triggers on the right parameter types.
 */
class FunctionBindingsTest {

    private static List<Method> functions(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FunctionName.class)).toList();
    }

    private static List<String> activityNames() {
        return Arrays.stream(ActivityNames.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(FunctionBindingsTest::value).toList();
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void activityFunctions_should_declareOneFunctionPerActivityName_when_scanned() {
        assertThat(functions(MigrationActivityFunctions.class)).extracting(m -> m.getAnnotation(FunctionName.class).value())
                .containsExactlyInAnyOrderElementsOf(activityNames());
    }

    @Test
    void activityFunctions_should_takeRawJsonStringTrigger_when_boundByTheWorker() {
        assertThat(functions(MigrationActivityFunctions.class)).allSatisfy(m -> {
            assertThat(m.getParameterTypes()).containsExactly(String.class, ExecutionContext.class);
            assertThat(m.getParameters()[0].isAnnotationPresent(DurableActivityTrigger.class)).isTrue();
            assertThat(m.getReturnType()).isEqualTo(String.class);
        });
    }

    @Test
    void orchestrators_should_bindTaskOrchestrationContext_when_triggered() {
        assertThat(Stream.of(MigrationOrchestrator.class, RecordMigrationOrchestrator.class)
                .flatMap(c -> functions(c).stream()).toList()).hasSize(2).allSatisfy(m -> {
                    assertThat(m.getParameterTypes()).containsExactly(TaskOrchestrationContext.class);
                    assertThat(m.getParameters()[0].getAnnotation(DurableOrchestrationTrigger.class).name())
                            .isEqualTo("ctx");
                });
    }

    @Test
    void orchestrators_should_registerUnderTheirConstantNames_when_scanned() {
        assertThat(Stream.of(MigrationOrchestrator.class, RecordMigrationOrchestrator.class)
                .flatMap(c -> functions(c).stream()).map(m -> m.getAnnotation(FunctionName.class).value()))
                .containsExactly(MigrationOrchestrator.NAME, RecordMigrationOrchestrator.NAME);
    }

    @Test
    void functionClasses_should_beInstantiableByTheHost_when_loaded() throws Exception {
        for (Class<?> c : List.of(MigrationOrchestrator.class, RecordMigrationOrchestrator.class,
                MigrationActivityFunctions.class)) {
            assertThat(Modifier.isPublic(c.getModifiers()) && Modifier.isPublic(c.getConstructor().getModifiers()))
                    .as(c.getSimpleName()).isTrue();
        }
    }

    @Test
    void activityFunctions_should_notTouchAppSettings_when_constructedByTheHost() {
        // wiring happens on first invocation, so a bad setting fails the invocation (logged), not class loading
        assertThat(new MigrationActivityFunctions()).isNotNull();
    }
}
