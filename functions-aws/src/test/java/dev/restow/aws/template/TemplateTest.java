package dev.restow.aws.template;

import static dev.restow.aws.template.CfnTemplate.list;
import static dev.restow.aws.template.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.restow.aws.template.CfnTemplate.Statement;
import dev.restow.config.Env;
import dev.restow.config.MediaConfig;
import dev.restow.image.CodecOptions;
import dev.restow.media.TargetKeyMode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks template.yaml against the code: there is no {@code sam} CLI here (see docs/deploy-aws.md), so the
 * deployment's invariants are tested in Java: handlers exist, java21, environment names are the ones
 * {@link MediaConfig} reads, partial batch failures, dead-letter queues, visibility timeouts, least privilege,
 * alarms, and that every reference in the template resolves.
 */
class TemplateTest {
    private static final CfnTemplate TEMPLATE = CfnTemplate.ofRepository();

    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NoValue", "AWS::Partition",
            "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix", "AWS::NotificationARNs");

    /** Set by Lambda itself; a function configuration that sets one is rejected at deploy time. */
    private static final Set<String> LAMBDA_RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    private static final Set<String> IMAGE_FUNCTION_S3_ACTIONS = Set.of("s3:GetObject", "s3:GetObjectTagging",
            "s3:GetObjectAcl", "s3:PutObject", "s3:PutObjectTagging", "s3:PutObjectAcl", "s3:DeleteObject",
            "s3:ListBucket");

    static Stream<String> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function").stream();
    }

    /** (function, event name) of every SQS event source. */
    static Stream<String[]> sqsEvents() {
        List<String[]> out = new ArrayList<>();
        functions().forEach(fn -> events(fn).forEach((name, event) -> {
            if ("SQS".equals(map(event).get("Type"))) {
                out.add(new String[] {fn, name});
            }
        }));
        return out.stream();
    }

    // ------------------------------------------------------------------ functions

    @Test
    void functions_shouldBeTheFanOutAndTheImageFunction() {
        assertThat(functions()).containsExactlyInAnyOrder("FanOutFunction", "ImageFunction");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void handler_shouldNameAClassWithAPublicHandleRequestMethod_whenLoadedFromTheClasspath(String fn)
            throws ClassNotFoundException {
        String handler = (String) TEMPLATE.functionProperties(fn).get("Handler");
        String[] parts = handler.split("::");
        assertThat(parts).as("%s handler %s is Class::method", fn, handler).hasSize(2);

        Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader());

        assertThat(Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(parts[1]))
                .map(Method::getModifiers).filter(Modifier::isPublic))
                .as("%s has a public %s method", type.getName(), parts[1]).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("functions")
    void runtime_shouldBeJava21_becauseLibwebpNeedsGlibc227(String fn) {
        assertThat(TEMPLATE.functionProperties(fn).get("Runtime")).isEqualTo("java21");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void architecture_shouldDefaultToX86_64(String fn) {
        List<String> architectures = list(TEMPLATE.functionProperties(fn).get("Architectures")).stream()
                .map(TEMPLATE::resolve).toList();

        assertThat(architectures).containsExactly("x86_64");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void snapStart_shouldBeOff_becauseTheCodecLoadsANativeLibrary(String fn) {
        Object snapStart = TEMPLATE.functionProperties(fn).get("SnapStart");

        assertThat(snapStart == null ? "None" : map(snapStart).get("ApplyOn")).isEqualTo("None");
    }

    @ParameterizedTest
    @MethodSource("functions")
    void build_shouldUseAMakefileTargetThatExists(String fn) throws IOException {
        Map<String, Object> metadata = map(TEMPLATE.resource(fn).get("Metadata"));
        Set<String> targets = makefileTargets();

        assertThat(metadata.get("BuildMethod")).isEqualTo("makefile");
        assertThat(TEMPLATE.functionProperties(fn).get("CodeUri")).as("Makefile location").isEqualTo(".");
        assertThat(targets).contains("build-" + fn);
    }

    @Test
    void imageFunctionMemory_shouldLeaveTheCodecItsGigabyte() {
        // CodecMemoryBenchmark (docs/codec.md): peak RSS 0.44 GB at the 50 MP limit, plus the object (<= 50 MiB);
        // the default is 1769 MB, Lambda's one-full-vCPU point, since the encoder is single-threaded and CPU-bound.
        Map<String, Object> memory = map(TEMPLATE.parameters().get("ImageFunctionMemory"));

        assertThat(Long.parseLong(TEMPLATE.resolve(TEMPLATE.functionProperties("ImageFunction").get("MemorySize"))))
                .isGreaterThanOrEqualTo(1769);
        assertThat(((Number) memory.get("MinValue")).longValue()).isGreaterThanOrEqualTo(1024);
    }

    // ------------------------------------------------------------------ environment

    @ParameterizedTest
    @MethodSource("functions")
    void environment_shouldOnlyNameVariablesMediaConfigReads(String fn) {
        assertThat(TEMPLATE.environmentOf(fn).keySet()).isSubsetOf(MediaConfig.VARIABLES);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_shouldNotSetVariablesLambdaReserves(String fn) {
        assertThat(TEMPLATE.environmentOf(fn).keySet()).doesNotContainAnyElementsOf(LAMBDA_RESERVED_VARIABLES);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_shouldNameTheBucketTheWorkQueueAndTheDatabase(String fn) {
        Set<String> names = TEMPLATE.environmentOf(fn).keySet();

        assertThat(names).contains(MediaConfig.BUCKET, MediaConfig.QUEUE_URL, MediaConfig.CONTROL_QUEUE_URL);
        assertThat(names).containsAnyOf(MediaConfig.DATABASE_URL, MediaConfig.DB_SECRET_ARN);
    }

    @ParameterizedTest
    @MethodSource("functions")
    void environment_shouldLoadThroughMediaConfigToTheCodeDefaults_whenParametersKeepTheirDefaults(String fn) {
        Map<String, String> overrides = Map.of("BucketName", "media-bucket",
                "DbSecretArn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:restow-db-AbCdEf");
        Map<String, String> env = new LinkedHashMap<>();
        TEMPLATE.environmentOf(fn).forEach((name, value) -> env.put(name, resolveValue(value, overrides)));

        MediaConfig config = MediaConfig.load(Env.of(env));

        assertThat(config.codec()).isEqualTo(CodecOptions.DEFAULTS);
        assertThat(config.storage().bucket()).isEqualTo("media-bucket");
        assertThat(config.targetKeyMode()).isEqualTo(TargetKeyMode.REPLACE_EXTENSION);
        assertThat(config.deleteOriginals()).isFalse();
        assertThat(config.copyAcl()).isTrue();
        assertThat(config.dbSecretArn()).isEqualTo(overrides.get("DbSecretArn"));
        assertThat(config.requireQueueUrl()).endsWith("/WorkQueue");
        assertThat(config.controlQueueUrl()).endsWith("/ControlQueue");
    }

    // ------------------------------------------------------------------ queues

    @Test
    void workQueueEvent_shouldReportBatchItemFailures() {
        Map<String, Object> event = sqsEventOn("ImageFunction", "WorkQueue");

        assertThat(event).containsKey("FunctionResponseTypes");
        assertThat(list(event.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
    }

    @Test
    void workQueueEvent_shouldTakeBatchSizeAndMaximumConcurrencyFromParameters() {
        Map<String, Object> event = sqsEventOn("ImageFunction", "WorkQueue");
        Object maximumConcurrency = map(event.get("ScalingConfig")).get("MaximumConcurrency");

        assertThat(map(event.get("BatchSize"))).containsKey("Ref");
        assertThat(map(maximumConcurrency)).containsKey("Ref");
        assertThat(TEMPLATE.parameters()).containsKeys((String) map(event.get("BatchSize")).get("Ref"),
                (String) map(maximumConcurrency).get("Ref"));
        // SQS event sources accept a maximum concurrency of 2 to 1000.
        assertThat(map(TEMPLATE.parameters().get((String) map(maximumConcurrency).get("Ref"))))
                .containsEntry("MinValue", 2L).containsEntry("MaxValue", 1000L);
    }

    @ParameterizedTest
    @MethodSource("sqsEvents")
    void consumedQueue_shouldRedriveToADeadLetterQueue(String fn, String eventName) {
        String queue = queueOf(map(events(fn).get(eventName)));
        Map<String, Object> redrive = map(TEMPLATE.properties(queue).get("RedrivePolicy"));
        List<Object> target = list(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt"));

        assertThat(target.get(1)).isEqualTo("Arn");
        assertThat(TEMPLATE.resource((String) target.get(0)).get("Type")).isEqualTo("AWS::SQS::Queue");
        assertThat(TEMPLATE.properties((String) target.get(0))).doesNotContainKey("RedrivePolicy");
        assertThat(Long.parseLong(TEMPLATE.resolve(redrive.get("maxReceiveCount")))).isPositive();
    }

    @ParameterizedTest
    @MethodSource("sqsEvents")
    void deadLetterQueue_shouldKeepMessagesLongerThanItsSourceQueue(String fn, String eventName) {
        String queue = queueOf(map(events(fn).get(eventName)));
        Map<String, Object> redrive = map(TEMPLATE.properties(queue).get("RedrivePolicy"));
        String dlq = (String) list(map(redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);

        // A standard queue's message keeps its first enqueue time when moved: the DLQ must keep it longer.
        assertThat(retention(dlq)).as("%s retention vs %s", dlq, queue).isGreaterThan(retention(queue));
    }

    @Test
    void workQueue_shouldTakeMaxReceiveCountFromAParameter() {
        Map<String, Object> redrive = map(TEMPLATE.properties("WorkQueue").get("RedrivePolicy"));

        assertThat(map(redrive.get("maxReceiveCount"))).containsEntry("Ref", "MaxReceiveCount");
    }

    @ParameterizedTest
    @MethodSource("sqsEvents")
    void visibilityTimeout_shouldBeAtLeastSixTimesTheConsumersTimeout_withParameterDefaults(String fn,
                                                                                           String eventName) {
        String queue = queueOf(map(events(fn).get(eventName)));

        long timeout = Long.parseLong(TEMPLATE.resolve(TEMPLATE.functionProperties(fn).get("Timeout")));
        long visibility = Long.parseLong(TEMPLATE.resolve(TEMPLATE.properties(queue).get("VisibilityTimeout")));

        assertThat(visibility).as("%s visibility vs %s timeout %d s", queue, fn, timeout)
                .isGreaterThanOrEqualTo(6 * timeout);
    }

    @ParameterizedTest
    @MethodSource("sqsEvents")
    void visibilityTimeout_shouldBeAtLeastSixTimesTheConsumersTimeout_forEveryTimeoutTheParameterAllows(String fn,
                                                                                                     String eventName) {
        String queue = queueOf(map(events(fn).get(eventName)));
        Object timeoutNode = TEMPLATE.functionProperties(fn).get("Timeout");
        String parameter = (String) map(timeoutNode).get("Ref");
        Object allowed = map(TEMPLATE.parameters().get(parameter)).get("AllowedValues");
        if (allowed == null) {
            fail("%s's Timeout parameter %s needs AllowedValues so the queue's visibility can follow it", fn, parameter);
        }

        for (Object value : list(allowed)) {
            Map<String, String> chosen = Map.of(parameter, String.valueOf(value));
            long timeout = Long.parseLong(TEMPLATE.resolve(timeoutNode, chosen));
            long visibility = Long.parseLong(TEMPLATE.resolve(TEMPLATE.properties(queue).get("VisibilityTimeout"),
                    chosen));
            assertThat(visibility).as("%s visibility with %s=%s", queue, parameter, value)
                    .isGreaterThanOrEqualTo(6 * timeout);
        }
    }

    @Test
    void continuationEvent_shouldConsumeTheQueueTheControlQueueUrlNames() {
        Object controlQueueUrl = TEMPLATE.environmentOf("FanOutFunction").get(MediaConfig.CONTROL_QUEUE_URL);
        String controlQueue = (String) map(controlQueueUrl).get("Ref");

        assertThat(sqsEventOn("FanOutFunction", controlQueue)).isNotNull();
    }

    @Test
    void schedule_shouldTakeItsExpressionAndStateFromParameters() {
        Map<String, Object> schedule = events("FanOutFunction").values().stream().map(CfnTemplate::map)
                .filter(e -> "Schedule".equals(e.get("Type"))).map(e -> map(e.get("Properties")))
                .findFirst().orElseThrow(() -> new AssertionError("FanOutFunction has no Schedule event"));
        List<Object> state = list(map(schedule.get("State")).get("Fn::If"));

        assertThat(map(schedule.get("Schedule"))).containsEntry("Ref", "ScheduleExpression");
        assertThat(schedule).doesNotContainKey("Enabled");
        assertThat(state.subList(1, 3)).containsExactly("ENABLED", "DISABLED");
        assertThat(map(TEMPLATE.section("Conditions").get((String) state.get(0))).get("Fn::Equals"))
                .isEqualTo(List.of(Map.of("Ref", "ScheduleEnabled"), "true"));
    }

    // ------------------------------------------------------------------ IAM

    @ParameterizedTest
    @MethodSource("functions")
    void function_shouldRunUnderTheTemplatesOwnRole_soSamAttachesNoWildcardQueuePolicy(String fn) {
        Map<String, Object> props = TEMPLATE.functionProperties(fn);
        List<Object> role = list(map(props.get("Role")).get("Fn::GetAtt"));

        assertThat(props).doesNotContainKey("Policies");
        assertThat(TEMPLATE.resource((String) role.get(0)).get("Type")).isEqualTo("AWS::IAM::Role");
        assertThat(role.get(1)).isEqualTo("Arn");
    }

    @Test
    void roles_shouldAttachNoManagedPolicyButVpcAccess() {
        for (String role : TEMPLATE.resourcesOfType("AWS::IAM::Role")) {
            Object arns = TEMPLATE.properties(role).get("ManagedPolicyArns");
            for (Object arn : arns == null ? List.of() : CfnTemplate.branches(arns)) {
                assertThat(String.valueOf(map(arn).get("Fn::Sub"))).as(role)
                        .endsWith(":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
            }
        }
    }

    @Test
    void iamStatements_shouldNameOnlyTheBucketTheQueuesAndTheSecret_forS3SqsAndSecretsManagerActions() {
        List<Statement> statements = TEMPLATE.iamStatements();
        assertThat(statements).isNotEmpty();

        for (Statement s : statements) {
            for (String action : s.actions()) {
                assertThat(action).as("%s action", s.role()).doesNotContain("*");
                String service = action.substring(0, action.indexOf(':'));
                for (Object resource : s.resources()) {
                    if (!service.equals("s3") && !service.equals("sqs") && !service.equals("secretsmanager")) {
                        continue;
                    }
                    assertThat(resource).as("%s %s resource", s.role(), action).isNotEqualTo("*")
                            .isInstanceOf(Map.class);
                    switch (service) {
                        case "s3" -> assertThat(map(resource).get("Fn::Sub")).as("%s %s", s.role(), action)
                                .isIn("arn:${AWS::Partition}:s3:::${BucketName}",
                                        "arn:${AWS::Partition}:s3:::${BucketName}/*");
                        case "sqs" -> {
                            List<Object> att = list(map(resource).get("Fn::GetAtt"));
                            assertThat(TEMPLATE.resource((String) att.get(0)).get("Type")).as("%s %s", s.role(), action)
                                    .isEqualTo("AWS::SQS::Queue");
                            assertThat(att.get(1)).isEqualTo("Arn");
                        }
                        case "secretsmanager" -> assertThat(resource).as("%s %s", s.role(), action)
                                .isEqualTo(Map.of("Ref", "DbSecretArn"));
                        default -> { }
                    }
                }
            }
        }
    }

    @Test
    void s3Actions_shouldBeOnlyTheOnesTheImageFunctionUses_andGrantedOnlyToIt() {
        Set<String> imageActions = new TreeSet<>();
        for (Statement s : TEMPLATE.iamStatements()) {
            List<String> s3 = s.actions().stream().filter(a -> a.startsWith("s3:")).toList();
            if (!s3.isEmpty()) {
                assertThat(s.role()).isEqualTo(roleOf("ImageFunction"));
                imageActions.addAll(s3);
            }
        }

        assertThat(imageActions).isSubsetOf(IMAGE_FUNCTION_S3_ACTIONS)
                .contains("s3:GetObject", "s3:PutObject", "s3:ListBucket");
    }

    @Test
    void deleteObject_shouldBeGrantedOnlyUnderTheDeletionCondition() {
        List<Statement> deleting = TEMPLATE.iamStatements().stream()
                .filter(s -> s.actions().contains("s3:DeleteObject")).toList();
        assertThat(deleting).isNotEmpty();

        for (Statement s : deleting) {
            Object statements = map(bucketPolicyDocument(s.role())).get("Statement");
            assertThat(CfnTemplate.conditionsOf(statements, s.body())).containsExactly("DeletionEnabled");
        }
        assertThat(map(TEMPLATE.section("Conditions").get("DeletionEnabled")).get("Fn::Equals"))
                .isEqualTo(List.of(Map.of("Ref", "DeleteOriginals"), "true"));
        assertThat(TEMPLATE.parameterDefault("DeleteOriginals")).isEqualTo("false");
    }

    @Test
    void fanOutRole_shouldSendToTheWorkAndControlQueues() {
        Set<Object> targets = new HashSet<>();
        for (Statement s : TEMPLATE.iamStatements()) {
            if (s.role().equals(roleOf("FanOutFunction")) && s.actions().contains("sqs:SendMessage")) {
                targets.addAll(s.resources());
            }
        }

        assertThat(targets).containsExactlyInAnyOrder(Map.of("Fn::GetAtt", List.of("WorkQueue", "Arn")),
                Map.of("Fn::GetAtt", List.of("ControlQueue", "Arn")));
    }

    // ------------------------------------------------------------------ alarms, logs, outputs

    @Test
    void alarms_shouldWatchTheDepthOfEveryDeadLetterQueue() {
        Set<String> deadLetterQueues = new TreeSet<>();
        for (String queue : TEMPLATE.resourcesOfType("AWS::SQS::Queue")) {
            Object redrive = TEMPLATE.properties(queue).get("RedrivePolicy");
            if (redrive != null) {
                deadLetterQueues.add((String) list(map(map(redrive).get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0));
            }
        }
        assertThat(deadLetterQueues).contains("WorkDeadLetterQueue", "ControlDeadLetterQueue");

        for (String dlq : deadLetterQueues) {
            assertThat(alarmsOn(dlq, "ApproximateNumberOfMessagesVisible")).as(dlq).anySatisfy(alarm -> {
                assertThat(TEMPLATE.resolve(alarm.get("Threshold"))).isEqualTo("0");
                assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
            });
        }
    }

    @Test
    void alarm_shouldWatchTheAgeOfTheOldestWorkMessage() {
        assertThat(alarmsOn("WorkQueue", "ApproximateAgeOfOldestMessage")).singleElement().satisfies(alarm -> {
            assertThat(Long.parseLong(TEMPLATE.resolve(alarm.get("Threshold")))).isPositive();
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
        });
    }

    @ParameterizedTest
    @MethodSource("functions")
    void logGroup_shouldBeTheTemplatesWithRetention(String fn) {
        Object logGroup = map(TEMPLATE.functionProperties(fn).get("LoggingConfig")).get("LogGroup");
        String id = (String) map(logGroup).get("Ref");

        assertThat(TEMPLATE.resource(id).get("Type")).isEqualTo("AWS::Logs::LogGroup");
        assertThat(map(TEMPLATE.properties(id).get("RetentionInDays"))).containsEntry("Ref", "LogRetentionDays");
    }

    @Test
    void outputs_shouldExposeTheQueueUrlsAndFunctionNames() {
        Map<String, Object> outputs = TEMPLATE.section("Outputs");
        Set<Object> values = new HashSet<>();
        outputs.values().forEach(o -> values.add(map(o).get("Value")));

        assertThat(values).contains(Map.of("Ref", "WorkQueue"), Map.of("Ref", "WorkDeadLetterQueue"),
                Map.of("Ref", "ControlQueue"), Map.of("Ref", "FanOutFunction"), Map.of("Ref", "ImageFunction"));
    }

    // ------------------------------------------------------------------ the template as a whole

    @Test
    void references_shouldNameDeclaredParametersResourcesOrPseudoParameters() {
        Set<String> known = new HashSet<>(PSEUDO_PARAMETERS);
        known.addAll(TEMPLATE.parameters().keySet());
        known.addAll(TEMPLATE.resources().keySet());
        Set<String> conditions = TEMPLATE.section("Conditions").keySet();
        List<String> unknown = new ArrayList<>();

        for (Object node : TEMPLATE.allNodes()) {
            if (!(node instanceof Map<?, ?> m)) {
                continue;
            }
            if (m.get("Ref") instanceof String ref && !known.contains(ref)) {
                unknown.add("Ref " + ref);
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att && !TEMPLATE.resources().containsKey(att.get(0))) {
                unknown.add("GetAtt " + att);
            }
            for (String variable : subVariables(m.get("Fn::Sub"))) {
                if (!known.contains(variable)) {
                    unknown.add("Sub ${" + variable + "}");
                }
            }
            if (m.get("Fn::If") instanceof List<?> args && !conditions.contains(args.get(0))) {
                unknown.add("If " + args.get(0));
            }
            if (m.size() == 1 && m.get("Condition") instanceof String c && !conditions.contains(c)) {
                unknown.add("Condition " + c);
            }
        }
        TEMPLATE.resources().forEach((id, r) -> {
            if (map(r).get("Condition") instanceof String c && !conditions.contains(c)) {
                unknown.add(id + " Condition " + c);
            }
        });

        assertThat(unknown).isEmpty();
    }

    @Test
    void parameters_shouldEachBeUsed() {
        Set<String> used = new HashSet<>();
        for (Object node : TEMPLATE.allNodes()) {
            if (node instanceof Map<?, ?> m) {
                if (m.get("Ref") instanceof String ref) {
                    used.add(ref);
                }
                used.addAll(subVariables(m.get("Fn::Sub")));
            }
        }

        assertThat(used).containsAll(TEMPLATE.parameters().keySet());
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> events(String fn) {
        return map(TEMPLATE.functionProperties(fn).getOrDefault("Events", Map.of()));
    }

    private static String queueOf(Map<String, Object> sqsEvent) {
        List<Object> att = list(map(map(sqsEvent.get("Properties")).get("Queue")).get("Fn::GetAtt"));
        assertThat(att.get(1)).isEqualTo("Arn");
        return (String) att.get(0);
    }

    private static Map<String, Object> sqsEventOn(String fn, String queue) {
        return events(fn).values().stream().map(CfnTemplate::map)
                .filter(e -> "SQS".equals(e.get("Type")) && queue.equals(queueOf(e)))
                .map(e -> map(e.get("Properties"))).findFirst()
                .orElseThrow(() -> new AssertionError(fn + " has no SQS event on " + queue));
    }

    /** MessageRetentionPeriod in seconds (SQS default: 4 days). */
    private static long retention(String queue) {
        Object period = TEMPLATE.properties(queue).get("MessageRetentionPeriod");
        return period == null ? 345_600 : Long.parseLong(TEMPLATE.resolve(period));
    }

    private static String roleOf(String fn) {
        return (String) list(map(TEMPLATE.functionProperties(fn).get("Role")).get("Fn::GetAtt")).get(0);
    }

    private static Map<String, Object> bucketPolicyDocument(String role) {
        for (Object policy : CfnTemplate.branches(TEMPLATE.properties(role).get("Policies"))) {
            Map<String, Object> document = map(map(policy).get("PolicyDocument"));
            for (Object statement : CfnTemplate.branches(document.get("Statement"))) {
                if (CfnTemplate.strings(map(statement).get("Action")).stream().anyMatch(a -> a.startsWith("s3:"))) {
                    return document;
                }
            }
        }
        throw new AssertionError(role + " has no S3 policy");
    }

    private static List<Map<String, Object>> alarmsOn(String queue, String metric) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> alarm = TEMPLATE.properties(id);
            boolean onQueue = list(alarm.get("Dimensions")).stream().map(CfnTemplate::map)
                    .anyMatch(d -> "QueueName".equals(d.get("Name"))
                            && Map.of("Fn::GetAtt", List.of(queue, "QueueName")).equals(d.get("Value")));
            if ("AWS/SQS".equals(alarm.get("Namespace")) && metric.equals(alarm.get("MetricName")) && onQueue) {
                out.add(alarm);
            }
        }
        return out;
    }

    /** Value of an environment variable with parameters at their defaults (or overridden) and resources named. */
    private static String resolveValue(Object value, Map<String, String> overrides) {
        if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String ref && TEMPLATE.resources().containsKey(ref)) {
            return "https://sqs.eu-west-1.amazonaws.com/123456789012/" + ref;
        }
        return TEMPLATE.resolve(value, overrides);
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** Names a Fn::Sub string refers to: parameters, resources, pseudo parameters ({@code ${X.Attr}} as X). */
    private static Set<String> subVariables(Object sub) {
        Set<String> out = new HashSet<>();
        if (sub == null) {
            return out;
        }
        String text;
        Set<String> local = Set.of();
        if (sub instanceof List<?> l) {
            text = (String) l.get(0);
            local = map(l.get(1)).keySet();
        } else {
            text = (String) sub;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            String head = name.startsWith("AWS::") ? name : name.split("\\.")[0];
            if (!local.contains(head)) {
                out.add(head);
            }
        }
        return out;
    }

    private static Set<String> makefileTargets() throws IOException {
        Set<String> targets = new HashSet<>();
        Pattern rule = Pattern.compile("^([A-Za-z0-9_./%$() -]+?)\\s*::?(?!=)");
        for (String line : Files.readAllLines(CfnTemplate.repositoryFile("Makefile"))) {
            Matcher m = rule.matcher(line);
            if (!line.startsWith("\t") && !line.startsWith("#") && m.find()) {
                targets.addAll(Arrays.asList(m.group(1).trim().split("\\s+")));
            }
        }
        return targets;
    }
}
