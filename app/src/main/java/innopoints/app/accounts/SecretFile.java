package innopoints.app.accounts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/** A properties file only its owner can read (POSIX 0600 from the moment it exists), for passwords handed out at first start. */
public final class SecretFile {
    private SecretFile() {}

    public static Path write(Path file, String comment, Map<String, String> entries) {
        Properties p = new Properties() {
            // Keep the order given, so the file reads like the list of accounts.
            @Override public synchronized java.util.Enumeration<Object> keys() {
                return java.util.Collections.enumeration(new java.util.ArrayList<Object>(entries.keySet()));
            }

            @Override public java.util.Set<Map.Entry<Object, Object>> entrySet() {
                java.util.Set<Map.Entry<Object, Object>> s = new java.util.LinkedHashSet<>();
                entries.forEach((k, v) -> s.add(Map.entry(k, v)));
                return s;
            }
        };
        entries.forEach(p::setProperty);
        StringWriter text = new StringWriter();
        try {
            p.store(text, comment);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                var f = file.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            Files.writeString(file, text.toString(), StandardCharsets.ISO_8859_1, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
