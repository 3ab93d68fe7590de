# Build targets for `sam build` (template.yaml: CodeUri: . and Metadata.BuildMethod: makefile).
#
# sam runs `make build-<LogicalId>` once per function, with ARTIFACTS_DIR set to that function's
# .aws-sam/build/<LogicalId> folder, in a copy of this directory (or in place with --build-in-source).
# Both functions ship the same shaded jar; it goes into lib/, where the Lambda Java runtime puts every
# jar on the class path. Maven runs only when the jar is older than a pom or a main source file, so
# after `make build` (or in place, with --build-in-source) the second function reuses the first one's jar.
# See docs/deploy-aws.md.

MVN ?= mvn
MVN_FLAGS ?= -B -q
# Maven output folder (the root pom's restow.build.dir property).
RESTOW_BUILD_DIR ?= target
JAR := functions-aws/$(RESTOW_BUILD_DIR)/restow-functions-aws.jar
SOURCES := pom.xml $(shell find shared functions-aws \( -name pom.xml -o -path '*/src/main/*' \) -type f -not -path '*/target*' 2>/dev/null)

.PHONY: build build-FanOutFunction build-ImageFunction

## build: the deployment jar, functions-aws/$(RESTOW_BUILD_DIR)/restow-functions-aws.jar
build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -pl functions-aws -am package -DskipTests -Drestow.build.dir=$(RESTOW_BUILD_DIR)
	@test -s "$@" || { echo "Maven did not produce $@ (functions-aws must shade into restow-functions-aws.jar)" >&2; exit 1; }
	@touch "$@"

build-FanOutFunction build-ImageFunction: $(JAR)
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: $@ is run by sam build; use make build" >&2; exit 1; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp "$(JAR)" "$(ARTIFACTS_DIR)/lib/"
