package innopoints.engine.population;

import innopoints.engine.facts.FieldSpec;

import java.time.LocalDate;

/**
 * Text values of generated facts that read like what an enterprise would write (a product, a
 * project, a certificate number), chosen by the field's key and words from one random number.
 */
final class DemoTexts {
    private DemoTexts() {}

    private static final String[] PRODUCTS = {"高精度压力传感器", "车规级功率芯片", "工业控制器", "植入式神经刺激器", "碳纤维复合材料构件",
            "智能巡检机器人", "储能变流器", "氢燃料电池电堆", "高端医用导管", "海上风电安装平台", "纳米涂层材料", "5G通信模组",
            "激光切割装备", "电子级特种气体", "大尺寸碳化硅衬底", "智能纺织面料", "无人机飞控系统", "靶向抗肿瘤注射液", "体外诊断试剂盒", "工业互联网平台软件"};
    private static final String[] TOPICS = {"新一代功率半导体器件", "高端医疗器械关键部件", "海洋工程装备智能化", "绿色低碳纺织工艺",
            "工业大模型应用", "固态电池关键材料", "智能制造示范产线", "合成生物制造", "深海探测装备", "精密减速器", "氢能储运装备", "数字孪生工厂"};
    private static final String[] PLACES = {"南通", "通州", "如皋", "海安", "启东", "海门", "如东", "崇川", "通州湾"};
    private static final String[] CARRIERS = {"先进制造", "生物医药", "海洋装备", "新材料", "集成电路", "人工智能", "新能源", "纺织科技"};
    private static final String[] EXHIBITIONS = {"中国国际工业博览会", "中国国际进口博览会", "中国国际高新技术成果交易会", "汉诺威工业博览会",
            "德国慕尼黑电子展", "中国国际医疗器械博览会", "中国国际海事技术学术会议和展览会"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕建文辉力斌宇浩凯健俊帆鹏飞晨欣怡佳睿博思远晓";

    static String of(FieldSpec f, int r, LocalDate date) {
        String key = f.name(), term = f.term() == null ? "" : f.term();
        int year = date == null ? 2025 : date.getYear();
        String serial = String.format("%05d", r % 100_000);
        if (key.contains("certificate")) return "GR" + year + "32" + serial.substring(1) + (r % 9 + 1);
        if (key.contains("patent")) return "ZL" + (year - 1 - r % 3) + "1" + String.format("%07d", r % 10_000_000) + "." + (r % 10);
        if (key.contains("trademark")) return "第" + (60_000_000 + r % 9_000_000) + "号商标";
        if (key.contains("standard")) return "GB/T " + (30000 + r % 15000) + "-" + (year - r % 3);
        if (key.contains("person") || key.contains("talent")) {
            return "" + SURNAMES.charAt(r % SURNAMES.length()) + GIVEN.charAt((r / 7) % GIVEN.length())
                    + ((r & 1) == 0 ? GIVEN.charAt((r / 131) % GIVEN.length()) : "");
        }
        if (key.contains("exhibition") || key.contains("fair")) return year + "年" + EXHIBITIONS[r % EXHIBITIONS.length];
        if (key.contains("product") || key.contains("equipment") || key.contains("ship") || key.contains("aircraft") || key.contains("indication")) {
            return PRODUCTS[r % PRODUCTS.length] + "（型号" + (char) ('A' + r / 7 % 26) + (100 + r % 900) + "）";
        }
        if (key.contains("project") || key.contains("scenario") || key.equals("case") || key.contains("case_name")) {
            return TOPICS[r % TOPICS.length] + (r % 3 == 0 ? "研发及产业化项目" : r % 3 == 1 ? "关键技术攻关项目" : "应用示范项目");
        }
        String place = PLACES[r % PLACES.length], carrier = CARRIERS[(r / 11) % CARRIERS.length];
        if (key.contains("park")) return place + carrier + "产业园";
        if (key.contains("lab")) return "江苏省" + carrier + "重点实验室（" + place + "）";
        if (key.contains("platform") || key.contains("center") || key.contains("institution") || key.contains("committee")) {
            return place + carrier + (key.contains("center") ? "技术转移中心" : key.contains("institution") ? "研究院" : key.contains("committee") ? "标准化技术委员会" : "公共技术服务平台");
        }
        if (key.contains("factory")) return place + carrier + "智能工厂";
        if (key.contains("incubator")) return place + carrier + "科技企业孵化器";
        if (key.contains("policy")) return "PDAA" + year + "3206" + serial + "（保险单号）";
        if (key.contains("fund")) return place + carrier + "产业投资基金";
        if (key.contains("investee")) return place + carrier.substring(0, 2) + "科技有限公司";
        if (key.contains("bond")) return year + "年度科技创新公司债券（第" + (r % 3 + 1) + "期）";
        if (key.contains("contract")) return "JS" + year + "-" + serial + "号技术合同";
        String words = term.replaceAll("（.*?）", "");
        return place + words + (words.endsWith("项目") ? "" : "（编号NT" + year + "-" + serial.substring(2) + "）");
    }
}
