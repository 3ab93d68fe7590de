package dev.restow.media;

import java.util.List;
import java.util.Objects;

/**
 * An object's access control list: its owner and grants.
 *
 * @param ownerId the owner's canonical id (empty when unknown)
 * @param grants  the grants, owner's included
 */
public record ObjectAcl(String ownerId, List<Grant> grants) {

    private static final ObjectAcl DEFAULT = new ObjectAcl("", List.of());

    public ObjectAcl {
        ownerId = ownerId == null ? "" : ownerId;
        grants = List.copyOf(Objects.requireNonNull(grants, "grants"));
    }

    /** No grants beyond the owner's: what a plain upload gets anyway (also the only ACL of buckets without ACLs). */
    public static ObjectAcl ownerOnly() {
        return DEFAULT;
    }

    /** Whether every grant is the owner's own: copying such an ACL sends nothing. */
    public boolean isOwnerOnly() {
        return grants.stream().allMatch(g -> g.granteeType().equals("id") && g.grantee().equals(ownerId));
    }

    /** Grants to anyone but the owner, which an upload must send to reproduce this ACL. */
    public List<Grant> extraGrants() {
        return grants.stream().filter(g -> !(g.granteeType().equals("id") && g.grantee().equals(ownerId))).toList();
    }

    /** Exactly {@code public-read}: the owner's grants plus READ for everyone. */
    public boolean isPublicRead() {
        List<Grant> extra = extraGrants();
        return extra.size() == 1 && extra.get(0).granteeType().equals("uri")
                && extra.get(0).grantee().equals(Grant.ALL_USERS) && extra.get(0).permission().equals("READ");
    }
}
