package innopoints.app.evidence;

import java.time.Instant;

/** A stored evidence file: its type as recognised from the content, size, SHA-256, the name it was uploaded under. */
public record Evidence(long id, String ownerKind, long ownerId, String fileName, String mediaType, String typeLabel,
                       long size, String sha256, String uploadedBy, Instant uploadedAt) {}
