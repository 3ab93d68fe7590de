package dev.restow.media;

import java.util.Locale;
import java.util.Objects;

/**
 * One access grant of an object's ACL, in S3's terms but free of SDK types.
 *
 * @param granteeType {@code id} (canonical user), {@code uri} (group) or {@code emailAddress}
 * @param grantee     the canonical user id, group URI or e-mail address
 * @param permission  {@code READ}, {@code WRITE}, {@code READ_ACP}, {@code WRITE_ACP} or {@code FULL_CONTROL}
 */
public record Grant(String granteeType, String grantee, String permission) {
    /** The group of everyone, for {@code public-read} objects. */
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    /** The group of every authenticated AWS account. */
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    public Grant {
        Objects.requireNonNull(granteeType, "granteeType");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(permission, "permission");
        if (!granteeType.equals("id") && !granteeType.equals("uri") && !granteeType.equals("emailAddress")) {
            throw new IllegalArgumentException("grantee type must be id, uri or emailAddress, got '" + granteeType + "'");
        }
        permission = permission.toUpperCase(Locale.ROOT);
    }

    public static Grant user(String canonicalId, String permission) {
        return new Grant("id", canonicalId, permission);
    }

    public static Grant group(String uri, String permission) {
        return new Grant("uri", uri, permission);
    }

    /** The grant in S3's {@code x-amz-grant-*} header form: {@code id="..."} or {@code uri="..."}. */
    public String headerValue() {
        return granteeType + "=\"" + grantee + "\"";
    }
}
