package dev.restow.ecal.migration;

import java.util.List;
import java.util.Objects;

/**
 * One directory to move, with the record(s) whose {@code .ecalmeas} file it holds (several only
 * when all of them were selected).
 *
 * @param index           position in the plan (names the sub-orchestration)
 * @param sourceContainer the source container
 * @param directory       blob-name prefix of the directory, ending in {@code /}
 * @param fileNames       the records' {@code .ecalmeas} names relative to the directory, in record order
 * @param records         the records
 */
public record UnitPlan(int index, String sourceContainer, String directory, List<String> fileNames,
                       List<RecordRef> records) {
    public UnitPlan {
        Objects.requireNonNull(sourceContainer, "sourceContainer");
        Objects.requireNonNull(directory, "directory");
        fileNames = List.copyOf(fileNames);
        records = List.copyOf(records);
    }
}
