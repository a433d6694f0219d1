package com.csr.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shop's products: a few thousand giftware lines with Zipf popularity (a few best sellers, a long tail) and a
 * price each; a handful of discontinued lines, sold before the export starts and so only ever seen coming back; and
 * the two postage codes.
 */
final class Catalogue {

    static final int PRODUCTS_ON_SALE = 4_000;
    static final int DISCONTINUED = 60;

    /** Shelf prices in pence; a drawn price is moved to the nearest, as shops price. */
    private static final int[] PRICE_POINTS = {19, 21, 25, 29, 39, 42, 55, 65, 72, 79, 83, 85, 95, 125, 145, 165,
        169, 195, 210, 250, 255, 295, 325, 375, 425, 495, 595, 675, 795, 850, 995, 1275, 1495, 1695, 1995, 2495};

    private static final String[] STYLES = {"WHITE", "RED", "PINK", "BLUE", "GREEN", "IVORY", "BLACK", "GOLD",
        "SILVER", "CREAM", "VINTAGE", "RETRO", "REGENCY", "FRENCH", "SCANDINAVIAN", "ANTIQUE", "PASTEL", "JUMBO",
        "MINI", "LARGE", "SMALL", "SET OF 3", "SET OF 6", "PACK OF 12"};
    private static final String[] MOTIFS = {"HEART", "SPOTTY", "PAISLEY", "WOODLAND", "CHRISTMAS", "BIRD", "ROSE",
        "STAR", "BUNNY", "OWL", "POLKADOT", "STRAWBERRY", "DOILY", "BAROQUE", "LOVE", "GINGHAM", "FLORAL", "SKULL",
        "CIRCUS", "DINOSAUR", "ALPHABET", "CHERRY", "LEAF", "SNOWFLAKE", "TEA PARTY", "PANTRY"};
    private static final String[] ITEMS = {"T-LIGHT HOLDER", "LUNCH BAG", "CAKE STAND", "JUMBO BAG", "MUG",
        "TEACUP AND SAUCER", "DOORMAT", "CANDLE", "BUNTING", "GIFT WRAP", "PHOTO FRAME", "ALARM CLOCK", "NOTEBOOK",
        "TEA TOWEL", "CUSHION COVER", "LANTERN", "WALL CLOCK", "PARTY NAPKINS", "PAPER CUPS", "CAKE CASES",
        "SHOPPING BAG", "BISCUIT TIN", "WATER BOTTLE", "JEWELLERY BOX", "PURSE", "HAND WARMER", "BAUBLE",
        "STICKER SHEET", "STORAGE JAR", "MIRROR"};
    private static final String SUFFIXES = "ABCDEFGHJKLMNPRSW";

    private final List<Product> onSale;
    private final List<Product> discontinued;
    private final Product postage;
    private final Product dotcomPostage;
    private final WeightedChoice popularity;

    Catalogue(SeededRandom random) {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<Product> all = new ArrayList<>();
        for (int i = 0; i < PRODUCTS_ON_SALE + DISCONTINUED; i++) {
            all.add(new Product(i, newCode(random, codes), newName(random, names), price(random)));
        }
        onSale = List.copyOf(all.subList(0, PRODUCTS_ON_SALE));
        discontinued = List.copyOf(all.subList(PRODUCTS_ON_SALE, all.size()));
        postage = new Product(all.size(), "POST", "POSTAGE", 1800);
        dotcomPostage = new Product(all.size() + 1, "DOT", "DOTCOM POSTAGE", 0);
        double[] weights = new double[PRODUCTS_ON_SALE];
        for (int rank = 0; rank < weights.length; rank++) {
            // Zipf-Mandelbrot: the offset keeps the best seller at about 1 % of lines, as in Online Retail
            weights[rank] = 1.0 / (rank + 15);
        }
        popularity = new WeightedChoice(weights);
    }

    /** A product on sale, drawn by popularity. */
    Product popular(SeededRandom random) {
        return onSale.get(popularity.draw(random));
    }

    /** A line that was sold before the export starts: no one buys it within the file. */
    Product discontinued(SeededRandom random) {
        return discontinued.get(random.nextInt(discontinued.size()));
    }

    /** Postage for customers abroad, at a flat rate. */
    Product postage() {
        return postage;
    }

    /** Postage of the web shop; its price varies with the order, so it is set per line. */
    Product dotcomPostage() {
        return dotcomPostage;
    }

    /** Every product that can appear in the export, postage last. */
    int size() {
        return dotcomPostage.index() + 1;
    }

    private static String newCode(SeededRandom random, Set<String> taken) {
        while (true) {
            // five digits like the real codes (never a non-merchandise code), some with a variant letter
            String code = Integer.toString(random.between(10_000, 99_999));
            if (random.chance(0.12)) {
                code += SUFFIXES.charAt(random.nextInt(SUFFIXES.length()));
            }
            if (taken.add(code)) {
                return code;
            }
        }
    }

    private static String newName(SeededRandom random, Set<String> taken) {
        while (true) {
            String name = STYLES[random.nextInt(STYLES.length)] + " " + MOTIFS[random.nextInt(MOTIFS.length)] + " "
                    + ITEMS[random.nextInt(ITEMS.length)];
            if (taken.add(name)) {
                return name;
            }
        }
    }

    private static int price(SeededRandom random) {
        double pence = random.logNormal(210, 0.85);
        int best = PRICE_POINTS[0];
        for (int p : PRICE_POINTS) {
            if (Math.abs(p - pence) < Math.abs(best - pence)) {
                best = p;
            }
        }
        return best;
    }
}
