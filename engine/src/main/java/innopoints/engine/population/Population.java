package innopoints.engine.population;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.CreditCode;
import innopoints.engine.facts.Fact;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.Profile;
import innopoints.engine.facts.Scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A population of enterprises laid out by column: a few bytes of profile per enterprise and the
 * facts in flat arrays, so that a million enterprises fit in about a hundred megabytes and a
 * screen reads them in order. Scenarios are materialized one at a time as the calculator needs
 * them; profiles are shared between enterprises with the same attributes.
 */
public final class Population {
    /** Field values are stored as longs: decimals × 10^4, booleans 0/1, enum and text by index, dates as epoch days. */
    static final int SCALE = 4;
    static final long NULL = Long.MIN_VALUE;

    final Places places;
    final List<FactType> types;
    final List<String> tags;
    final List<String> texts = new ArrayList<>();
    final Map<String, Integer> textIndex = new HashMap<>();
    final long seed;

    int size;
    byte[] area = new byte[16], park = new byte[16], sizeClass = new byte[16], kind = new byte[16];
    long[] industries = new long[16], qualifications = new long[16];
    int[] factStart = new int[17];
    int facts;
    short[] factType = new short[64];
    int[] factDay = new int[64];
    int[] valueStart = new int[65];
    long[] values = new long[256];
    int valueCount;

    private record ProfileKey(byte area, byte park, byte size, byte kind, long industries, long qualifications) {}

    private final Map<ProfileKey, Profile> profiles = new java.util.concurrent.ConcurrentHashMap<>();

    static final String[] SIZES = {"micro", "small", "medium", "large"};

    Population(Places places, List<FactType> types, List<String> tags, long seed) {
        this.places = places;
        this.types = types;
        this.tags = tags;
        this.seed = seed;
    }

    public int size() { return size; }

    public int factCount() { return facts; }

    /** Bytes held by the columns: what a screen scans. */
    public long bytes() {
        return (long) size * (4 + 16 + 8) + (long) facts * (2 + 4 + 4) + (long) valueCount * 8;
    }

    // ---- building -----------------------------------------------------------------------------

    int addEnterprise(int areaIndex, int parkIndex, int sizeIndex, Beneficiary k, long ind, long qual) {
        if (size == area.length) {
            int n = size * 2;
            area = Arrays.copyOf(area, n);
            park = Arrays.copyOf(park, n);
            sizeClass = Arrays.copyOf(sizeClass, n);
            kind = Arrays.copyOf(kind, n);
            industries = Arrays.copyOf(industries, n);
            qualifications = Arrays.copyOf(qualifications, n);
            factStart = Arrays.copyOf(factStart, n + 1);
        }
        area[size] = (byte) areaIndex;
        park[size] = (byte) parkIndex;
        sizeClass[size] = (byte) sizeIndex;
        kind[size] = (byte) k.ordinal();
        industries[size] = ind;
        qualifications[size] = qual;
        factStart[size] = facts;
        factStart[size + 1] = facts;
        return size++;
    }

    void addFact(FactType type, LocalDate date, long[] fieldValues) {
        if (facts == factType.length) {
            int n = facts * 2;
            factType = Arrays.copyOf(factType, n);
            factDay = Arrays.copyOf(factDay, n);
            valueStart = Arrays.copyOf(valueStart, n + 1);
        }
        while (valueCount + fieldValues.length > values.length) values = Arrays.copyOf(values, values.length * 2);
        factType[facts] = (short) type.ordinal();
        factDay[facts] = (int) date.toEpochDay();
        valueStart[facts] = valueCount;
        System.arraycopy(fieldValues, 0, values, valueCount, fieldValues.length);
        valueCount += fieldValues.length;
        facts++;
        valueStart[facts] = valueCount;
        factStart[size] = facts;
    }

    int text(String s) {
        return textIndex.computeIfAbsent(s, k -> {
            texts.add(k);
            return texts.size() - 1;
        });
    }

    // ---- reading ------------------------------------------------------------------------------

    public Places.Area area(int i) { return places.areas().get(area[i]); }

    public String parkName(int i) { return park[i] < 0 ? null : area(i).parks().get(park[i]).name(); }

    /** The subject's profile (shared between enterprises alike in all but name). */
    public Profile profile(int i) {
        ProfileKey key = new ProfileKey(area[i], park[i], sizeClass[i], kind[i], industries[i], qualifications[i]);
        return profiles.computeIfAbsent(key, k -> new Profile(null, null, Beneficiary.values()[kind[i]], area(i).name(), parkName(i),
                words(industries[i]), words(qualifications[i]), SIZES[sizeClass[i]]));
    }

    /** The full profile with name and credit code, for output. */
    public Profile namedProfile(int i) {
        Profile p = profile(i);
        return new Profile(name(i), creditCode(i), p.kind(), p.district(), p.park(), p.industries(), p.qualifications(), p.size());
    }

    private List<String> words(long mask) {
        List<String> out = new ArrayList<>(Long.bitCount(mask));
        for (int b = 0; b < tags.size(); b++) if ((mask & (1L << b)) != 0) out.add(tags.get(b));
        return out;
    }

    public List<Fact> facts(int i) {
        int from = factStart[i], to = factStart[i + 1];
        List<Fact> out = new ArrayList<>(to - from);
        for (int f = from; f < to; f++) out.add(fact(f, "f" + (f - from + 1)));
        return out;
    }

    private Fact fact(int f, String id) {
        FactType t = types.get(factType[f]);
        Object[] v = new Object[t.fields().size()];
        int base = valueStart[f];
        for (int k = 0; k < v.length; k++) v[k] = decode(t.field(k), values[base + k]);
        return new Fact(id, t, LocalDate.ofEpochDay(factDay[f]), v);
    }

    private Object decode(FieldSpec spec, long raw) {
        if (raw == NULL) return null;
        return switch (spec.type()) {
            case YUAN, NUMBER, INTEGER -> BigDecimal.valueOf(raw, SCALE);
            case BOOLEAN -> raw != 0;
            case ENUM -> spec.values().get((int) raw);
            case DATE -> LocalDate.ofEpochDay(raw);
            case TEXT -> texts.get((int) raw);
        };
    }

    public Scenario scenario(int i, LocalDate asOf) {
        return new Scenario(asOf, profile(i), facts(i), List.of(), Set.of());
    }

    /** A valid 统一社会信用代码, the same for the same seed and index. */
    public String creditCode(int i) {
        long h = mix(seed * 31 + i);
        StringBuilder sb = new StringBuilder(18);
        sb.append("91").append(area(i).code());
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder org = new StringBuilder(8);
        for (int k = 0; k < 8; k++) {
            org.append(k < 2 ? "MA".charAt(k) : alphabet.charAt((int) Long.remainderUnsigned(h, 31)));
            h = mix(h);
        }
        sb.append(org).append(orgCheck(org));
        sb.append(CreditCode.checkChar(sb.toString()));
        return sb.toString();
    }

    /** GB 11714 check character of an 8-character organization code. */
    static char orgCheck(CharSequence code) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            char c = code.charAt(k);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * w[k];
        }
        int r = 11 - sum % 11;
        return r == 10 ? 'X' : r == 11 ? '0' : (char) ('0' + r);
    }

    /** Two-character trade names (字号) are drawn from these, one character from each list. */
    private static final String FIRST = "江海濠狼紫启通博瑞星中远恒东华振天新宏德盛鸿嘉汇安泰润达明光信锦金银永利和景益诚聚卓凯腾越辰晟沃";
    private static final String SECOND = "海通达航山川源泽晟泰科信瑞丰鑫远成华锐创智能宇辰峰联安盛捷迈拓鼎域润邦展康普合铭尚弘宏兴睿澜";
    /** Where the name begins: the city first, then the province, then a county-level place. */
    private static final String[] PLACE = {"南通", "江苏", "如皋", "海安", "启东", "海门", "如东", "通州", "崇川", "南通市", "江苏省", "通州湾"};
    private static final String[] FORM = {"有限公司", "股份有限公司", "有限责任公司", "集团有限公司"};
    /** The words an enterprise's first industry puts into its name, and words for one without. */
    private static final String[][] TRADE_OF = {
            {"集成电路", "微电子科技"}, {"半导体", "半导体"}, {"第三代半导体", "半导体材料"}, {"人工智能", "智能科技"},
            {"生物医药", "生物医药"}, {"医疗器械", "医疗器械"}, {"合成生物", "合成生物科技"}, {"细胞和基因技术", "基因科技"},
            {"船舶海工", "船舶工程"}, {"海洋产业", "海洋科技"}, {"新能源", "新能源科技"}, {"新材料", "新材料科技"},
            {"智能制造", "智能装备"}, {"高端装备", "精密机械"}, {"纺织", "纺织科技"}, {"低空经济", "航空科技"}, {"数字经济", "信息技术"}};
    private static final String[] TRADE = {"科技", "电子", "机械", "化工", "信息技术", "环保科技", "检测技术", "光电科技", "动力科技", "数控设备"};

    /**
     * A plausible Chinese enterprise name, unique within a population: "南通瑞丰微电子科技有限公司".
     * The trade name walks all {@code FIRST × SECOND} pairs (a stride coprime to their count, so
     * no pair repeats) before the place, then the legal form, changes; only past those does a
     * number mark a branch.
     */
    public String name(int i) {
        int pairs = FIRST.length() * SECOND.length();
        int k = (int) Long.remainderUnsigned(mix(seed) + (long) i * STRIDE, pairs);
        String brand = "" + FIRST.charAt(k / SECOND.length()) + SECOND.charAt(k % SECOND.length());
        int round = i / pairs;
        String place = PLACE[round % PLACE.length];
        int form = round / PLACE.length;
        String trade = trade(i);
        String name = place + brand + trade + FORM[form % FORM.length];
        return form < FORM.length ? name : name.replace("公司", "公司第" + (form / FORM.length + 1) + "分公司");
    }

    /** A prime coprime to FIRST × SECOND (48 × 46 = 2,208 = 2^5 × 3 × 23). */
    private static final long STRIDE = 1013;

    private String trade(int i) {
        List<String> ind = profile(i).industries();
        for (String held : ind) for (String[] t : TRADE_OF) if (t[0].equals(held)) return t[1];
        return TRADE[(int) Long.remainderUnsigned(mix(seed * 31 + i), TRADE.length)];
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
