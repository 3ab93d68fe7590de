package dev.restow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestowTest {

    @Test
    void help_should_listEveryCommand_when_asked() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "compress", "optimize", "migrate", "--verbose", "--version");
    }

    @Test
    void run_should_failWithOneLineAndCode2_when_optionUnknown() {
        CliRun run = CliRun.run("--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("restow: Unknown option: '--bogus' (see 'restow --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_should_failWithOneLineAndCode2_when_commandMissing() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow: a command is required: demo, compress, optimize or migrate (see 'restow --help')");
    }

    @Test
    void run_should_failWithOneLineAndCode2_when_commandUnknown() {
        CliRun run = CliRun.run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("restow: Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void subcommandOption_should_failWithOneLineNamingIt_when_unknown() {
        CliRun run = CliRun.run("compress", "--speed", "9", "a.jpg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "restow compress: Unknown option: '--speed' (see 'restow compress --help')");
    }
}
