package dev.restow.local;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalServersTest {

    private static List<Integer> ports(LocalServers servers) {
        return List.of(servers.postgres().port(), servers.s3().port(), servers.sqs().port(), servers.azurite().port());
    }

    @Test
    void start_should_haveAllFourListening_when_returned() throws SQLException {
        try (LocalServers servers = LocalServers.start();
             Connection c = servers.postgres().dataSource(servers.postgres().createDatabase()).getConnection()) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(ports(servers)).doesNotHaveDuplicates().allMatch(Ports::isListening);
        }
    }

    @Test
    void close_should_leaveNoPortListeningAndNoNodeProcess_when_called() {
        LocalServers servers = LocalServers.start();
        List<Integer> ports = ports(servers);
        ProcessHandle node = ProcessHandle.of(servers.azurite().pid()).orElseThrow();

        servers.close();

        assertThat(ports).noneMatch(Ports::isListening);
        assertThat(node.isAlive()).isFalse();
    }
}
