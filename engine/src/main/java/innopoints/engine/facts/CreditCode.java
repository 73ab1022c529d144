package innopoints.engine.facts;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet, the last a check
 * character computed from the first 17 with weights 3^i mod 31.
 */
public record CreditCode(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        String problem = problem(value);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** Why {@code code} is not a valid credit code, in Chinese, or null if it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) return "统一社会信用代码应为18位，实际为" + (code == null ? 0 : code.length()) + "位";
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) return "统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i) + "”不是允许的字符（不含I、O、Z、S、V）";
        }
        char expected = checkChar(code.substring(0, 17));
        if (code.charAt(17) != expected) return "统一社会信用代码校验位应为“" + expected + "”，实际为“" + code.charAt(17) + "”";
        return null;
    }

    /** The check character for the first 17 characters. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    public static boolean isValid(String code) { return problem(code) == null; }

    @Override public String toString() { return value; }
}
