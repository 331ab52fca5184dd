package org.originlive.demo;

import java.util.Map;
import org.originlive.catalog.ProductApi.TranslateProduct;

/**
 * Chinese and French for every demo story and product, so a buyer reading zh-CN sees the
 * storefronts in Chinese at once. Keyed by cooperative slug and by SKU.
 */
final class DemoTranslations {

    record Story(String zhCn, String fr) {}

    record Product(TranslateProduct zhCn, TranslateProduct fr) {}

    static final Map<String, Story> STORIES = Map.of(
            "rwanda-chili-sauce",
            new Story(
                    "胡耶周边的小农妇女种植小米辣，再亲手装瓶制成火辣的辣酱——在大使馆的首场直播里，" + "这款辣酱被中国观众一抢而空。",
                    "Autour de Huye, de petites agricultrices cultivent le piment oiseau et le mettent en bouteille :"
                            + " une sauce ardente que les spectateurs chinois se sont arrachée lors de la première"
                            + " vente en direct de l'ambassade."),
            DemoCatalog.COFFEE_SLUG,
            new Story(
                    "这里是阿拉比卡咖啡的发源地，高原上的咖啡农种出水洗和日晒两种批次；" + "一位外交官在北京开播时，几分钟内便全部售罄。",
                    "Des caféiculteurs des hauts plateaux, au berceau de l'arabica ; leurs lots lavés et naturels"
                            + " se sont vendus en quelques minutes quand un diplomate a lancé un direct à Pékin."),
            "rwanda-mountain-coffee",
            new Story(
                    "生长在基伍湖畔火山坡地上的波旁咖啡——就是那款五分钟卖出 2000 包的咖啡。",
                    "Un café bourbon cultivé sur les pentes volcaniques qui dominent le lac Kivu : les paquets"
                            + " qui se sont vendus à 2 000 exemplaires en cinq minutes."),
            "jinggangshan-bamboo",
            new Story(
                    "井冈山的乡村手艺人编织竹器，过去这些竹编走不出大山；如今，直播把它们卖到了全国各地。",
                    "Dans les montagnes du Jinggangshan, des artisans de village tressent un bambou qui autrefois"
                            + " ne trouvait pas preneur ; les ventes en direct le portent aujourd'hui dans tout le"
                            + " pays."),
            "laos-sticky-rice",
            new Story(
                    "在梯田坡地上种植紫糯米和白糯米的山地民族家庭。",
                    "Des familles des peuples des collines qui cultivent du riz gluant violet et blanc sur des"
                            + " pentes en terrasses."));

    static final Map<String, Product> PRODUCTS = Map.of(
            "CHILI-OIL-250",
            new Product(
                    new TranslateProduct("卢旺达 Akabanga 辣椒油 250毫升", "用苏格兰帽辣椒浸制的辣椒油，卢旺达家家餐桌上的经典。"),
                    new TranslateProduct(
                            "Huile pimentée Akabanga, 250 ml",
                            "Piment scotch bonnet infusé dans l'huile, le classique des tables rwandaises.")),
            "CHILI-SAUCE-3PK",
            new Product(
                    new TranslateProduct("辣椒酱三瓶装", "微辣、中辣、特辣三种口味，出自同一季收成。"),
                    new TranslateProduct(
                            "Trio de sauces pimentées", "Sauces douce, moyenne et forte, issues de la même récolte.")),
            "SIDAMA-WASHED-250",
            new Product(
                    new TranslateProduct("西达摩水洗阿拉比卡咖啡豆 250克", "花香馥郁，带佛手柑与柠檬风味；一级豆，水洗处理。"),
                    new TranslateProduct(
                            "Arabica lavé de Sidama, 250 g",
                            "Notes florales, de bergamote et de citron ; grade 1, lavé.")),
            "YIRGA-NATURAL-500",
            new Product(
                    new TranslateProduct("耶加雪菲日晒咖啡豆 500克", "在高架棚架上日晒干燥，带蓝莓与可可风味。"),
                    new TranslateProduct(
                            "Yirgacheffe naturel, 500 g", "Séché au soleil sur lits surélevés ; myrtille et cacao.")),
            "KIVU-BOURBON-250",
            new Product(
                    new TranslateProduct("基伍红波旁咖啡豆 250克", "全水洗处理，香甜多汁，尾韵带红茶气息。"),
                    new TranslateProduct(
                            "Bourbon rouge du Kivu, 250 g",
                            "Entièrement lavé, doux et juteux, avec une finale de thé noir.")),
            "BAMBOO-TEA-TRAY",
            new Product(
                    new TranslateProduct("手工竹编茶盘", "炭化毛竹制成，40 × 25 厘米。"),
                    new TranslateProduct("Plateau à thé en bambou tressé main", "Bambou moso carbonisé, 40 x 25 cm.")),
            "BAMBOO-BASKET-S",
            new Product(
                    new TranslateProduct("小号竹编果篮", "镂空编织，表面处理可安全接触食品。"),
                    new TranslateProduct(
                            "Petite corbeille à fruits en bambou",
                            "Tressage ajouré, finition apte au contact alimentaire.")),
            "PURPLE-RICE-1KG",
            new Product(
                    new TranslateProduct("老挝紫糯米 1公斤", "传统老品种糯米，人工收割。"),
                    new TranslateProduct(
                            "Riz gluant violet, 1 kg", "Riz gluant d'une variété ancienne, récolté à la main.")));

    private DemoTranslations() {}
}
