package innopoints.app.accounts;

import innopoints.app.platform.Failures.Invalid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a password must be, in one place: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH} characters and {@value #MAX_BYTES} bytes (bcrypt reads no further), not
 * containing the user name, and not in the list of common passwords shipped with the product
 * ({@code accounts/common-passwords.txt}). Also makes the passwords the platform hands out.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;
    public static final int MAX_BYTES = 72;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why {@code password} may not be used by {@code username}, in Chinese, or null if it may. */
    public static String problem(String password, String username) {
        if (password == null || password.isEmpty()) return "新密码不能为空";
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return "新密码至少需要" + MIN_LENGTH + "个字符，当前只有" + length + "个";
        if (length > MAX_LENGTH) return "新密码不能超过" + MAX_LENGTH + "个字符，当前有" + length + "个";
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return "新密码过长：按UTF-8编码不能超过" + MAX_BYTES + "字节（一个汉字占3字节）";
        if (password.isBlank()) return "新密码不能全是空格";
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.strip().length() >= 3 && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "新密码不能包含用户名“" + username.strip() + "”";
        }
        if (password.codePoints().distinct().count() < 4) return "新密码过于简单：至少要用4个不同的字符";
        if (COMMON.contains(lower)) return "新密码过于常见（在常用密码清单中），容易被猜中，请换一个";
        return null;
    }

    /** Refuses a password that breaks the policy, naming the field. */
    public static void check(String field, String password, String username) {
        String problem = problem(password, username);
        if (problem != null) throw Invalid.field(field, problem);
    }

    /** True if {@code password} is in the shipped list of common passwords. */
    public static boolean common(String password) { return COMMON.contains(Objects.requireNonNull(password).toLowerCase(Locale.ROOT)); }

    /** A password the platform hands out (a demo account's, a temporary one): 16 characters, easy to read aloud. */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) sb.append('-');
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** True if {@code password} is too long for the hash to read all of it (so it can never be right). */
    static boolean tooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("accounts/common-passwords.txt is missing from the class path");
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) set.add(line.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
