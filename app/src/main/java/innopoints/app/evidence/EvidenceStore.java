package innopoints.app.evidence;

import java.util.List;
import java.util.Optional;

/**
 * Evidence files (证明材料). The type is recognised from the content, never from the name: PDF,
 * PNG, JPEG, GIF, WebP, TIFF, and office documents (OOXML .docx/.xlsx/.pptx, OLE2 .doc/.xls/.ppt,
 * OpenDocument); anything else, an empty file or one over the size limit is refused with a
 * message naming the file. Who may download is the caller's decision (the owner's access rules).
 */
public interface EvidenceStore {

    /** Stores a file for an owner (e.g. "claim", 42). The same content twice for one owner is stored once. */
    Evidence store(String ownerKind, long ownerId, String fileName, byte[] content, String uploadedBy);

    List<Evidence> of(String ownerKind, long ownerId);

    Optional<Evidence> find(long id);

    byte[] content(long id);
}
