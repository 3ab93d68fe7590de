package dev.restow.ecal.migration;

/**
 * What the row update did.
 *
 * @param committed whether every row now points at cold storage
 * @param ecalId    the row that blocked it ("" when committed)
 * @param detail    why not ("" when committed)
 */
public record CommitResult(boolean committed, String ecalId, String detail) {
}
