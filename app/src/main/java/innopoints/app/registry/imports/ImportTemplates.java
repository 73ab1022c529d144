package innopoints.app.registry.imports;

import innopoints.app.platform.Failures.NotFound;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.registry.PlacesSync;
import innopoints.engine.facts.CreditCode;
import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The template of each kind of file: the header row and one example row, as the import reads them. */
@Component
public class ImportTemplates {
    /** A valid credit code for the examples (崇川区). */
    static final String EXAMPLE_CODE = "91320602MA1XAMPLE" + CreditCode.checkChar("91320602MA1XAMPLE");
    static final String EXAMPLE_FACT = "ic_tape_out";

    private final Policies policies;
    private final PlacesSync places;

    ImportTemplates(Policies policies, PlacesSync places) {
        this.policies = policies;
        this.places = places;
    }

    /** A template: the download's name, its columns and the example row. */
    public record Template(String fileName, String sheet, List<String> headers, List<Object> example) {
        public List<Xlsx.Column<List<Object>>> columns() {
            List<Xlsx.Column<List<Object>>> columns = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                int c = i;
                columns.add(new Xlsx.Column<>(headers.get(c), row -> row.get(c)));
            }
            return columns;
        }
    }

    /** The template of {@code kind}; for facts, of fact type {@code factType} (ic_tape_out when none). */
    public Template of(ImportKind kind, String factType) {
        return switch (kind) {
            case ENTERPRISES -> enterprises();
            case INDICATORS -> new Template("导入模板-年度指标", "年度指标", IndicatorRows.columns(),
                    List.of(EXAMPLE_CODE, 2025, new BigDecimal("12000000.00"), new BigDecimal("960000.00"), 18, 120, 15, 4,
                            new BigDecimal("500000.00")));
            case FACTS -> facts(factType == null || factType.isBlank() ? EXAMPLE_FACT : factType);
        };
    }

    private Template enterprises() {
        PlacesSync.Area area = places.areas().stream().filter(a -> a.name().equals("崇川区")).findFirst()
                .orElse(places.areas().getFirst());
        return new Template("导入模板-企业名录", "企业名录", EnterpriseRows.COLUMNS, List.of(EXAMPLE_CODE, "南通示例科技有限公司",
                area.name(), area.parks().isEmpty() ? "" : area.parks().getFirst(), "集成电路、集成电路设计",
                "高新技术企业、专精特新中小企业", "小型", "企业"));
    }

    /** Columns headed by the fields' words, so the officer sees the policy's own terms. */
    private Template facts(String typeKey) {
        FactType type = policies.pack().vocabulary().type(typeKey);
        if (type == null) throw new NotFound("事项词汇表中没有类型“" + typeKey + "”");
        List<String> headers = new ArrayList<>(List.of(FactRows.CODE, FactRows.TYPE, FactRows.DATE));
        List<Object> example = new ArrayList<>(List.of(EXAMPLE_CODE, type.term(), "2026-03-15"));
        for (FieldSpec f : type.fields()) {
            headers.add(f.term() == null || f.term().isBlank() || headers.contains(f.term()) ? f.name() : f.term());
            example.add(example(f));
        }
        headers.add(FactRows.PROJECT);
        example.add("");
        return new Template("导入模板-事项-" + type.key(), "事项", headers, example);
    }

    private static Object example(FieldSpec f) {
        return switch (f.type()) {
            case YUAN -> new BigDecimal("1000000.00");
            case NUMBER, INTEGER -> 1;
            case BOOLEAN -> "是";
            case DATE -> "2026-03-15";
            case ENUM -> f.values().isEmpty() ? "" : f.values().getFirst();
            case TEXT -> "示例";
        };
    }
}
