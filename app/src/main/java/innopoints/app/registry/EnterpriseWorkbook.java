package innopoints.app.registry;

import innopoints.app.accounts.Account;
import innopoints.app.platform.Policies;
import innopoints.app.platform.Xlsx;
import innopoints.app.screening.EntitlementQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/** An enterprise's page as a workbook, for the page and the API. */
@Component
public class EnterpriseWorkbook {
    private final EnterpriseRepository repo;
    private final EntitlementQueries entitlements;
    private final Policies policies;

    public EnterpriseWorkbook(EnterpriseRepository repo, EntitlementQueries entitlements, Policies policies) {
        this.repo = repo;
        this.entitlements = entitlements;
        this.policies = policies;
    }

    /** Profile, pushed entitlements (those the viewer may see), facts and indicators, one sheet each. */
    public ResponseEntity<StreamingResponseBody> of(Account viewer, Enterprise e) {
        List<EnterpriseController.FactRow> facts = EnterpriseController.factRows(policies, repo.facts(e.id()));
        List<Xlsx.Sheet<?>> sheets = List.of(
                new Xlsx.Sheet<>("基本信息", EnterpriseController.COLUMNS, List.of(e)),
                new Xlsx.Sheet<>("可享受的政策", List.<Xlsx.Column<EntitlementQueries.Row>>of(
                        new Xlsx.Column<>("条款", r -> r.clause().ref()),
                        new Xlsx.Column<>("文件", EntitlementQueries.Row::documentTitle),
                        new Xlsx.Column<>("条", r -> r.clause().citation()),
                        new Xlsx.Column<>("标题", r -> r.clause().title()),
                        new Xlsx.Column<>("责任部门", r -> r.clause().departments()),
                        new Xlsx.Column<>("金额/积分", r -> r.entitlement().figure()),
                        new Xlsx.Column<>("单位", r -> "yuan".equals(r.entitlement().unit()) ? "元" : "分"),
                        new Xlsx.Column<>("性质", EntitlementQueries.Row::kindLabel),
                        new Xlsx.Column<>("择一", r -> r.entitlement().option()
                                ? "不可同时享受，与" + r.entitlement().choiceWith() + "择一申报（不计入合计）" : "")), entitlements.forEnterprise(viewer, e.id()).rows()),
                new Xlsx.Sheet<>("已登记的事项", List.<Xlsx.Column<EnterpriseController.FactRow>>of(
                        new Xlsx.Column<>("编号", f -> "f" + f.fact().id()),
                        new Xlsx.Column<>("日期", f -> f.fact().occurredOn()),
                        new Xlsx.Column<>("事项", EnterpriseController.FactRow::term),
                        new Xlsx.Column<>("内容", f -> f.values().stream().map(v -> v[1] + "：" + v[2]).toList()),
                        new Xlsx.Column<>("项目标识", f -> f.fact().project()),
                        new Xlsx.Column<>("来源", f -> f.fact().source())), facts),
                new Xlsx.Sheet<>("年度指标", List.<Xlsx.Column<Indicator>>of(
                        new Xlsx.Column<>("年度", Indicator::year),
                        new Xlsx.Column<>("营业收入（元）", Indicator::revenue),
                        new Xlsx.Column<>("研发费用（元）", Indicator::rdExpense),
                        new Xlsx.Column<>("研发人员数", Indicator::rdStaff),
                        new Xlsx.Column<>("从业人员数", Indicator::staff),
                        new Xlsx.Column<>("有效专利数", Indicator::patents),
                        new Xlsx.Column<>("发明专利数", Indicator::inventionPatents),
                        new Xlsx.Column<>("技术合同成交额（元）", Indicator::techContractAmount)), repo.indicators(e.id())));
        return Xlsx.download(e.name(), sheets);
    }

}
