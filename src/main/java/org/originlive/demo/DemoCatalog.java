package org.originlive.demo;

import java.util.List;
import org.originlive.catalog.ProductApi.CreateProduct;
import org.originlive.cooperative.CooperativeApi.CreateCooperative;

/** The producers of the seed story and their products. */
final class DemoCatalog {

    static final String COFFEE_SLUG = "sidama-coffee-growers";

    record Entry(CreateCooperative cooperative, List<CreateProduct> products) {}

    static final List<Entry> COOPERATIVES = List.of(
            new Entry(
                    new CreateCooperative(
                            "rwanda-chili-sauce",
                            "Huye Chili Sauce Cooperative",
                            "RW",
                            "Southern Province",
                            "Smallholder women farmers around Huye grow bird's-eye chili and bottle it as the"
                                    + " fiery sauce Chinese viewers snapped up in the embassy's first live sale.",
                            "RWF",
                            "en"),
                    List.of(
                            new CreateProduct(
                                    "CHILI-OIL-250",
                                    "Akabanga chili oil, 250 ml",
                                    "Scotch-bonnet chili infused in oil, the Rwandan table classic.",
                                    "bottle",
                                    3900L,
                                    "CNY",
                                    800,
                                    "en"),
                            new CreateProduct(
                                    "CHILI-SAUCE-3PK",
                                    "Chili sauce trio",
                                    "Mild, medium and hot sauces from the same harvest.",
                                    "pack",
                                    8900L,
                                    "CNY",
                                    300,
                                    "en"))),
            new Entry(
                    new CreateCooperative(
                            COFFEE_SLUG,
                            "Sidama Coffee Growers Union",
                            "ET",
                            "Sidama",
                            "Highland growers in the birthplace of arabica; washed and natural lots that sold"
                                    + " out in minutes when a diplomat went live in Beijing.",
                            "ETB",
                            "en"),
                    List.of(
                            new CreateProduct(
                                    "SIDAMA-WASHED-250",
                                    "Sidama washed arabica, 250 g",
                                    "Floral, bergamot and lemon notes; grade 1, washed.",
                                    "pack",
                                    6800L,
                                    "CNY",
                                    2000,
                                    "en"),
                            new CreateProduct(
                                    "YIRGA-NATURAL-500",
                                    "Yirgacheffe natural, 500 g",
                                    "Sun-dried on raised beds; blueberry and cocoa.",
                                    "pack",
                                    12800L,
                                    "CNY",
                                    600,
                                    "en"))),
            new Entry(
                    new CreateCooperative(
                            "rwanda-mountain-coffee",
                            "Lake Kivu Mountain Coffee Cooperative",
                            "RW",
                            "Western Province",
                            "Bourbon coffee grown on volcanic slopes above Lake Kivu: the packs that sold 2,000"
                                    + " units in five minutes.",
                            "RWF",
                            "en"),
                    List.of(new CreateProduct(
                            "KIVU-BOURBON-250",
                            "Kivu red bourbon, 250 g",
                            "Fully washed, sweet and juicy with a black-tea finish.",
                            "pack",
                            5900L,
                            "CNY",
                            3000,
                            "en"))),
            new Entry(
                    new CreateCooperative(
                            "jinggangshan-bamboo",
                            "Jinggangshan Bamboo Craft Cooperative",
                            "CN",
                            "Jiangxi",
                            "Village artisans in the Jinggangshan mountains weave bamboo that once went"
                                    + " nowhere; live sales now carry it across the country.",
                            "CNY",
                            "en"),
                    List.of(
                            new CreateProduct(
                                    "BAMBOO-TEA-TRAY",
                                    "Hand-woven bamboo tea tray",
                                    "Carbonised moso bamboo, 40 x 25 cm.",
                                    "piece",
                                    15800L,
                                    "CNY",
                                    150,
                                    "en"),
                            new CreateProduct(
                                    "BAMBOO-BASKET-S",
                                    "Small bamboo fruit basket",
                                    "Open weave, food safe finish.",
                                    "piece",
                                    6800L,
                                    "CNY",
                                    400,
                                    "en"))),
            new Entry(
                    new CreateCooperative(
                            "laos-sticky-rice",
                            "Luang Prabang Heirloom Rice Group",
                            "LA",
                            "Luang Prabang",
                            "Hill-tribe families growing purple and white sticky rice on terraced slopes.",
                            "LAK",
                            "en"),
                    List.of(new CreateProduct(
                            "PURPLE-RICE-1KG",
                            "Purple sticky rice, 1 kg",
                            "Heirloom glutinous rice, hand-harvested.",
                            "bag",
                            4500L,
                            "CNY",
                            1000,
                            "en"))));

    private DemoCatalog() {}
}
