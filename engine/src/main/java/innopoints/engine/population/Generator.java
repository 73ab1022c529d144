package innopoints.engine.population;

import innopoints.engine.facts.Beneficiary;
import innopoints.engine.facts.Bound;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.policy.Award;
import innopoints.engine.policy.Clause;
import innopoints.engine.policy.Condition;
import innopoints.engine.policy.Expression;
import innopoints.engine.policy.Pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates synthetic Nantong enterprises, reproducibly from a seed: areas in proportion to their
 * weight, two in three in a specialty park of seed 004 with that park's industry directions,
 * sizes from micro to large (55/30/12/3 %), qualifications in plausible shares, and dated facts
 * whose types lean towards the enterprise's industries and whose amounts sit around the
 * thresholds and ceilings the clauses name, so that a screen meets every kind of outcome. A
 * happening that can bring a large award (a national key laboratory, a 1亿 project) is rarer
 * than one that brings a small one (a high-tech enterprise recognition), in proportion to
 * (200,000 / its largest award)^0.7.
 */
public final class Generator {
    /** Keywords of the parks' directions and the industry words they stand for. */
    private static final String[][] INDUSTRY_WORDS = {
            {"集成电路", "集成电路"}, {"IC", "集成电路"}, {"芯片", "集成电路"}, {"半导体", "半导体"}, {"第三代半导体", "第三代半导体"},
            {"人工智能", "人工智能"}, {"算力", "人工智能"}, {"大模型", "人工智能"}, {"生物医药", "生物医药"}, {"生命健康", "生物医药"},
            {"医疗器械", "医疗器械"}, {"介入", "医疗器械"}, {"合成生物", "合成生物"}, {"细胞和基因", "细胞和基因技术"}, {"船舶", "船舶海工"},
            {"海工", "船舶海工"}, {"海洋", "海洋产业"}, {"深海", "海洋产业"}, {"储能", "新能源"}, {"氢能", "新能源"}, {"能源", "新能源"},
            {"材料", "新材料"}, {"智能制造", "智能制造"}, {"装备", "高端装备"}, {"纺织", "纺织"}, {"低空", "低空经济"},
            {"数字经济", "数字经济"}, {"通信", "数字经济"}, {"信息技术", "数字经济"}, {"汽车电子", "集成电路"}, {"光学", "高端装备"}};
    private static final String[][] QUALIFICATIONS = {
            {"科技型中小企业", "0.30"}, {"高新技术企业", "0.22"}, {"专精特新中小企业", "0.08"}, {"瞪羚企业", "0.02"},
            {"专精特新“小巨人”企业", "0.015"}, {"潜在独角兽企业", "0.004"}, {"独角兽企业", "0.001"}};
    private static final double[] SIZE_SHARE = {0.55, 0.30, 0.12, 0.03};
    private static final double[] FACTS_PER_SIZE = {1.2, 2.2, 3.5, 5.0};
    private static final double[] AMOUNT_SCALE = {0.3, 0.7, 1.5, 4.0};

    private final Pack pack;
    private final Places places;
    private final long seed;
    private final LocalDate from;
    private final LocalDate to;
    private final List<String> tags = new ArrayList<>();
    private final Map<String, Integer> tagBit = new HashMap<>();
    private final List<FactType> types;
    private final Map<FactType, List<Clause>> clausesByType = new HashMap<>();
    private final Map<String, BigDecimal> anchors = new HashMap<>();
    private final List<String> conditionIndustries = new ArrayList<>();
    /** The largest award (in yuan) a fact type can bring: big-ticket happenings are rare. */
    private final Map<FactType, Double> stake = new HashMap<>();

    public Generator(Pack pack, Places places, long seed, LocalDate from, LocalDate to) {
        this.pack = pack;
        this.places = places;
        this.seed = seed;
        this.from = from;
        this.to = to;
        this.types = new ArrayList<>(pack.vocabulary().types());
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String[] w : INDUSTRY_WORDS) words.add(w[1]);
        for (String[] q : QUALIFICATIONS) words.add(q[0]);
        for (Clause c : pack.clauses()) {
            if (c.fact() != null) clausesByType.computeIfAbsent(c.fact(), k -> new ArrayList<>()).add(c);
            for (Condition cond : c.conditions().stream().flatMap(x -> x.leaves().stream()).toList()) {
                if (cond.profileField() != null && cond.test() == Condition.Test.CONTAINS) {
                    words.add(cond.operand().toString());
                    if (cond.profileField().equals("industries") && !conditionIndustries.contains(cond.operand().toString())) conditionIndustries.add(cond.operand().toString());
                }
                if (cond.spec() != null && cond.test().numeric() && cond.operand() instanceof BigDecimal) anchor(c.fact(), cond.factField(), (BigDecimal) cond.operand(), BigDecimal.ONE);
            }
            if (c.award() != null) {
                anchors(c, c.award());
                double yuan = ceiling(c.award(), c) * (pack.document(c.documentId()).pointNominal() == null ? 1
                        : pack.document(c.documentId()).pointNominal().yuan().doubleValue());
                stake.merge(c.fact(), yuan, Math::max);
            }
        }
        for (String w : words) {
            if (tags.size() == 64) break;
            tagBit.put(w, tags.size());
            tags.add(w);
        }
    }

    private void anchors(Clause c, Award a) {
        switch (a) {
            case Award.Rate r when r.max() != null && r.base() instanceof Expression.Field f && r.percent().signum() > 0 ->
                    anchor(c.fact(), f.index(), r.max().multiply(BigDecimal.valueOf(100)).divide(r.percent(), java.math.MathContext.DECIMAL64), BigDecimal.ONE);
            case Award.PerUnit p when p.base() instanceof Expression.Field f -> anchor(c.fact(), f.index(), p.per(), BigDecimal.valueOf(8));
            case Award.ByLevel b -> b.levels().values().forEach(x -> anchors(c, x));
            default -> {}
        }
    }

    /** The most a clause's award can give in its unit, or a middling default where the text sets no maximum. */
    private static double ceiling(Award a, Clause c) {
        double v = switch (a) {
            case Award.Fixed x -> x.amount().doubleValue();
            case Award.UpTo x -> x.amount().doubleValue();
            case Award.Rate x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.PerUnit x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.Matching x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.CaseByCase x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.Tiered x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.PerAreaMonth x -> x.max() == null ? 0 : x.max().doubleValue();
            case Award.ByLevel x -> x.levels().values().stream().mapToDouble(l -> ceiling(l, c)).max().orElse(0);
            default -> 0;
        };
        if (v == 0) for (var cap : c.caps()) v = v == 0 ? cap.amount().doubleValue() : Math.min(v, cap.amount().doubleValue());
        return v == 0 ? 1_000_000 : v;
    }

    private void anchor(FactType t, int field, BigDecimal value, BigDecimal factor) {
        if (t == null || value == null) return;
        anchors.merge(t.key() + "." + field, value.multiply(factor), (x, y) -> x.max(y));
    }

    public Population generate(int count) {
        Population pop = new Population(places, types, List.copyOf(tags), seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        double totalWeight = 0;
        for (Places.Area a : places.areas()) totalWeight += a.weight().doubleValue();
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        for (int i = 0; i < count; i++) {
            int areaIndex = pickArea(rnd.nextDouble() * totalWeight);
            Places.Area area = places.areas().get(areaIndex);
            int parkIndex = !area.parks().isEmpty() && rnd.nextDouble() < 0.66 ? rnd.nextInt(area.parks().size()) : -1;
            int size = pick(rnd.nextDouble(), SIZE_SHARE);
            Beneficiary kind = kind(rnd.nextDouble());
            long ind = 0;
            if (parkIndex >= 0) {
                String directions = area.parks().get(parkIndex).directions();
                for (String[] w : INDUSTRY_WORDS) if (directions.contains(w[0]) && rnd.nextDouble() < 0.6) ind |= bit(w[1]);
            } else {
                String[] w = INDUSTRY_WORDS[rnd.nextInt(INDUSTRY_WORDS.length)];
                ind |= bit(w[1]);
            }
            for (String w : conditionIndustries) {
                for (String held : pop.tags) {
                    if ((ind & bit(held)) != 0 && (w.contains(held) || held.contains(w)) && rnd.nextDouble() < 0.5) ind |= bit(w);
                }
            }
            long qual = 0;
            for (String[] q : QUALIFICATIONS) {
                double share = Double.parseDouble(q[1]) * (size >= 2 ? 2 : 1);
                if (rnd.nextDouble() < share) qual |= bit(q[0]);
            }
            int e = pop.addEnterprise(areaIndex, parkIndex, size, kind, ind, qual);
            int n = poisson(rnd, FACTS_PER_SIZE[size]);
            List<FactType> candidates = candidates(kind);
            if (candidates.isEmpty()) continue;
            double[] weights = new double[candidates.size()];
            double sum = 0;
            for (int k = 0; k < weights.length; k++) {
                double rarity = Math.pow(Math.min(1.0, 200_000 / stake.getOrDefault(candidates.get(k), 1_000_000.0)), 0.7);
                weights[k] = (1 + (relevant(candidates.get(k), pop, ind) ? 6 : 0)) * rarity;
                sum += weights[k];
            }
            for (int k = 0; k < n; k++) {
                double r = rnd.nextDouble() * sum;
                int pickType = 0;
                while (pickType < weights.length - 1 && r >= weights[pickType]) r -= weights[pickType++];
                FactType t = candidates.get(pickType);
                LocalDate date = LocalDate.ofEpochDay(from.toEpochDay() + rnd.nextLong(days));
                pop.addFact(t, date, values(t, rnd, size, pop, date));
            }
        }
        return pop;
    }

    private long bit(String word) {
        Integer b = tagBit.get(word);
        return b == null ? 0 : 1L << b;
    }

    private int pickArea(double r) {
        for (int k = 0; k < places.areas().size(); k++) {
            r -= places.areas().get(k).weight().doubleValue();
            if (r < 0) return k;
        }
        return places.areas().size() - 1;
    }

    private static int pick(double r, double[] shares) {
        for (int k = 0; k < shares.length; k++) {
            r -= shares[k];
            if (r < 0) return k;
        }
        return shares.length - 1;
    }

    private static Beneficiary kind(double r) {
        if (r < 0.955) return Beneficiary.ENTERPRISE;
        if (r < 0.975) return Beneficiary.FUND_MANAGER;
        if (r < 0.982) return Beneficiary.SERVICE_PLATFORM;
        if (r < 0.988) return Beneficiary.RESEARCH_INSTITUTION;
        if (r < 0.992) return Beneficiary.TRAVEL_AGENCY;
        if (r < 0.995) return Beneficiary.GUARANTEE_INSTITUTION;
        if (r < 0.997) return Beneficiary.LOAN_TRANSFER_INSTITUTION;
        if (r < 0.999) return Beneficiary.INSURANCE_INSTITUTION;
        return Beneficiary.MEDICAL_INSTITUTION;
    }

    private List<FactType> candidates(Beneficiary kind) {
        List<FactType> out = new ArrayList<>();
        for (FactType t : types) {
            List<Clause> cs = clausesByType.get(t);
            if (cs == null) continue;
            for (Clause c : cs) {
                if (c.beneficiaries().contains(kind)) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

    private boolean relevant(FactType t, Population pop, long ind) {
        for (Clause c : clausesByType.get(t)) {
            for (String i : c.industries()) if ((ind & bit(i)) != 0) return true;
        }
        return false;
    }

    private long[] values(FactType t, SplittableRandom rnd, int size, Population pop, LocalDate date) {
        long[] v = new long[t.fields().size()];
        for (int k = 0; k < v.length; k++) {
            FieldSpec f = t.field(k);
            if (!f.required() && rnd.nextDouble() < 0.1) {
                v[k] = Population.NULL;
                continue;
            }
            v[k] = switch (f.type()) {
                case YUAN -> scaled(amount(t, k, rnd, size, 100_000, 10_000_000, 0));
                case NUMBER -> scaled(amount(t, k, rnd, size, 1, 8, 2));
                case INTEGER -> f.isYear() ? scaled(BigDecimal.valueOf(date.getYear() - (rnd.nextInt(5) < 2 ? 1 : 0)))
                        : scaled(BigDecimal.valueOf(1 + rnd.nextInt(5)));
                case BOOLEAN -> rnd.nextDouble() < 0.8 ? 1 : 0;
                case ENUM -> rnd.nextInt(f.values().size());
                case DATE -> from.toEpochDay() + rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1);
                case TEXT -> pop.text(DemoTexts.of(f, rnd.nextInt(1 << 30), date));
            };
        }
        return v;
    }

    private BigDecimal amount(FactType t, int field, SplittableRandom rnd, int size, double low, double high, int scale) {
        BigDecimal anchor = anchors.get(t.key() + "." + field);
        double x;
        if (anchor != null) {
            x = anchor.doubleValue() * (0.4 + rnd.nextDouble() * 2.2);
        } else {
            x = Math.exp(Math.log(low) + rnd.nextDouble() * (Math.log(high) - Math.log(low))) * (scale == 0 ? AMOUNT_SCALE[size] : 1);
        }
        return BigDecimal.valueOf(x).setScale(scale == 0 ? -2 : scale, java.math.RoundingMode.HALF_UP).max(BigDecimal.ZERO);
    }

    private static long scaled(BigDecimal d) {
        return d.movePointRight(Population.SCALE).longValueExact();
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
