package innopoints.engine.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a subject's profile may take: the pack's districts (板块) with their parks
 * (places.yaml), its industries and qualifications (terms.yaml), the sizes and the beneficiary
 * kinds. One check for every way a profile comes in (scenario files, imports, forms), so that a
 * district written 通州 is refused with 通州区 suggested instead of silently matching nothing.
 * An empty list means the pack names no such values, and any is accepted.
 */
public record ProfileTerms(Map<String, List<String>> parksByDistrict, List<String> industries, List<String> qualifications) {
    /** Enterprise sizes (划型), as scenario files write them. */
    public static final List<String> SIZES = List.of("micro", "small", "medium", "large");
    /** A pack that names no places, industries or qualifications. */
    public static final ProfileTerms OPEN = new ProfileTerms(Map.of(), List.of(), List.of());

    public ProfileTerms {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parksByDistrict.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        parksByDistrict = java.util.Collections.unmodifiableMap(copy);
        industries = List.copyOf(industries);
        qualifications = List.copyOf(qualifications);
    }

    /** What is wrong with one field, named as in a scenario file (district, industries[1]...). */
    public record FieldProblem(String field, String message) {}

    public List<String> districts() { return List.copyOf(parksByDistrict.keySet()); }

    public List<String> parks() {
        List<String> all = new ArrayList<>();
        parksByDistrict.values().forEach(all::addAll);
        return all;
    }

    /** Null if the district is known (or the pack names none), else the message. */
    public String districtProblem(String district) {
        if (district == null || parksByDistrict.isEmpty() || parksByDistrict.containsKey(district)) return null;
        return Nearest.unknown("地区", district, parksByDistrict.keySet());
    }

    /** Null if the park is known and lies in the district (when that is known), else the message. */
    public String parkProblem(String district, String park) {
        if (park == null || parksByDistrict.isEmpty()) return null;
        List<String> inDistrict = district == null ? null : parksByDistrict.get(district);
        if (inDistrict != null && inDistrict.contains(park)) return null;
        List<String> all = parks();
        if (!all.contains(park)) {
            return Nearest.unknown("园区", park, inDistrict != null && !inDistrict.isEmpty() ? inDistrict : all);
        }
        if (inDistrict == null) return null;
        return "园区“" + park + "”不在" + district + "；" + (inDistrict.isEmpty() ? district + "没有特色园区，请留空" : district + "的园区有：" + String.join("、", inDistrict));
    }

    public String industryProblem(String industry) {
        return industries.isEmpty() || industries.contains(industry) ? null : Nearest.unknown("产业", industry, industries);
    }

    public String qualificationProblem(String qualification) {
        return qualifications.isEmpty() || qualifications.contains(qualification) ? null : Nearest.unknown("资质", qualification, qualifications);
    }

    /** The Chinese names of {@link #SIZES}, in the same order. */
    public static final List<String> SIZE_LABELS = List.of("微型", "小型", "中型", "大型");

    public static String sizeProblem(String size) {
        if (size == null || SIZES.contains(size)) return null;
        int label = SIZE_LABELS.indexOf(size.strip().replace("企业", ""));
        if (label >= 0) {
            return "未知的企业规模“" + size + "”，是否指“" + SIZES.get(label) + "”（" + SIZE_LABELS.get(label) + "）？" + Nearest.options(SIZES) + "（微型、小型、中型、大型）";
        }
        return Nearest.unknown("企业规模", size, SIZES) + "（微型、小型、中型、大型）";
    }

    public static String kindProblem(String kind) {
        return kind == null || Beneficiary.fromKey(kind) != null ? null
                : Nearest.unknown("主体类别", kind, Arrays.stream(Beneficiary.values()).map(Beneficiary::key).toList());
    }

    /** Every problem of a profile's place, industries, qualifications and size. */
    public List<FieldProblem> check(Profile p) {
        List<FieldProblem> out = new ArrayList<>();
        add(out, "district", districtProblem(p.district()));
        add(out, "park", districtProblem(p.district()) == null ? parkProblem(p.district(), p.park()) : parkProblem(null, p.park()));
        for (int i = 0; i < p.industries().size(); i++) add(out, "industries[" + i + "]", industryProblem(p.industries().get(i)));
        for (int i = 0; i < p.qualifications().size(); i++) add(out, "qualifications[" + i + "]", qualificationProblem(p.qualifications().get(i)));
        add(out, "size", sizeProblem(p.size()));
        return out;
    }

    private static void add(List<FieldProblem> out, String field, String message) {
        if (message != null) out.add(new FieldProblem(field, message));
    }
}
