package innopoints.engine.facts;

/** Who a clause rewards, and who a scenario is about. */
public enum Beneficiary {
    ENTERPRISE("enterprise", "企业"),
    RESEARCH_INSTITUTION("research-institution", "科研机构"),
    FUND_MANAGER("fund-manager", "基金管理机构"),
    GUARANTEE_INSTITUTION("guarantee-institution", "融资担保机构"),
    LOAN_TRANSFER_INSTITUTION("loan-transfer-institution", "转贷服务机构"),
    INSURANCE_INSTITUTION("insurance-institution", "保险机构"),
    MEDICAL_INSTITUTION("medical-institution", "医疗机构"),
    TRAVEL_AGENCY("travel-agency", "旅行社"),
    SERVICE_PLATFORM("service-platform", "服务平台"),
    EXHIBITION_ORGANIZER("exhibition-organizer", "展会主办方"),
    DISTRICT("district", "区（板块）"),
    PARK("park", "园区"),
    INDIVIDUAL("individual", "个人（人才）");

    private final String key;
    private final String label;

    Beneficiary(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    public static Beneficiary fromKey(String key) {
        for (Beneficiary b : values()) if (b.key.equals(key)) return b;
        return null;
    }

    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Beneficiary b : values()) sb.append(sb.isEmpty() ? "" : ", ").append(b.key);
        return sb.toString();
    }
}
