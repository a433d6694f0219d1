package com.csr.generator;

import com.csr.domain.cleaning.RejectReason;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The shop over the export's period, visit by visit in time order: a queue of customers by their next visit or
 * return, so only the customers are held, never the rows. Each row written is recorded with the fate the
 * platform's cleaning gives it, and every kind of mess is built to meet exactly one reject reason given the order
 * cleaning checks them in:
 * <ul>
 *   <li>guest invoices: blank customer id, nothing else wrong ({@code missing_customer});</li>
 *   <li>damaged rows of logged-in invoices: cut short ({@code malformed_row}), an unreadable date
 *       ({@code unparsable_date}), an unreadable quantity ({@code unparsable_number});</li>
 *   <li>postage lines, {@code POST} abroad and {@code DOT} at home ({@code non_merchandise});</li>
 *   <li>quantity 0 at a shelf price ({@code zero_quantity}); price 0 for a positive quantity
 *       ({@code non_positive_price});</li>
 *   <li>an exact copy of a kept line right after it ({@code duplicate}): the only way two rows can be equal, as
 *       invoice numbers are unique and an invoice holds each product once;</li>
 *   <li>returns of discontinued lines, which no one buys within the file ({@code unmatched_cancellation});</li>
 *   <li>returns of kept lines of the customer's own earlier invoice, later in time: kept, as cancellations.</li>
 * </ul>
 */
final class ShopSimulation {

    static final int FIRST_INVOICE = 500_000;
    static final int MAX_LINES = 250;

    /** How many of each pack size sell: mostly a few, often a dozen, now and then a trade quantity. */
    private static final int[] PACK_SIZES = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 25, 36, 48, 50, 72, 96, 100,
        144};
    private static final double[] PACK_WEIGHTS = {16, 12, 7, 8, 2, 12, 4, 6, 16, 1, 2, 5, 2, 1, 2, 0.5, 0.5, 0.5, 0.3,
        0.5};

    private final ExportSpec spec;

    ShopSimulation(ExportSpec spec) {
        this.spec = spec;
    }

    /** Runs the period from scratch (the same seed gives the same rows every time) into a writer. */
    ExportAccounting run(ExportWriter writer) throws IOException {
        return new Run(writer).run();
    }

    /** One run's state. */
    private final class Run {
        private final ExportWriter writer;
        private final SeededRandom random = new SeededRandom(spec.seed());
        private final ShoppingCalendar calendar = new ShoppingCalendar(spec.firstDay(), spec.asOf());
        private final Catalogue catalogue = new Catalogue(random);
        private final WeightedChoice packSizes = new WeightedChoice(PACK_WEIGHTS);
        private final ExportAccounting accounting = new ExportAccounting();
        private final ExportLine line = new ExportLine();
        /** The invoice each product was last put on, so an invoice holds each product once. */
        private final int[] onInvoice;
        private final Product[] keptProducts = new Product[MAX_LINES];
        private final int[] keptQuantities = new int[MAX_LINES];
        private int nextInvoice = FIRST_INVOICE;

        Run(ExportWriter writer) {
            this.writer = writer;
            this.onInvoice = new int[catalogue.size()];
            Arrays.fill(onInvoice, -1);
        }

        ExportAccounting run() throws IOException {
            List<Customer> customers = CustomerBase.draw(spec.customers(), random, calendar);
            PriorityQueue<Customer> queue = new PriorityQueue<>(Math.max(1, customers.size()),
                    Comparator.comparingLong(Customer::nextEvent).thenComparingInt(c -> c.index));
            queue.addAll(customers);
            Customer c;
            while ((c = queue.poll()) != null) {
                if (c.returnIsNext()) {
                    bringBack(c);
                } else {
                    visit(c);
                }
                if (c.nextEvent() != ShoppingCalendar.NEVER) {
                    queue.add(c);
                }
            }
            return accounting;
        }

        private void visit(Customer c) throws IOException {
            long minute = c.nextVisit;
            boolean first = c.visits == 0;
            // the first visit is when they register, so every customer shows up with an id at least once
            boolean guest = !first && random.chance(MessRates.GUEST_VISIT);
            if (!guest && random.chance(MessRates.OLD_STOCK_RETURN)) {
                returnOldStock(c, minute);
            }
            buy(c, minute, guest, first);
            c.visits++;
            // BG/NBD: after each purchase the customer leaves for good with their own probability
            c.nextVisit = random.chance(c.dropout) ? ShoppingCalendar.NEVER
                    : calendar.after(minute, random.exponential() / c.visitsPerDay);
        }

        private void buy(Customer c, long minute, boolean guest, boolean first) throws IOException {
            int invoice = nextInvoice++;
            int lines = (int) Math.max(1, Math.min(MAX_LINES, Math.round(random.logNormal(c.basketMedian, 0.6))));
            int kept = 0;
            for (int i = 0; i < lines; i++) {
                Product product = catalogue.popular(random);
                while (onInvoice[product.index()] == invoice) {
                    product = catalogue.popular(random);
                }
                onInvoice[product.index()] = invoice;
                line.set(invoice, false, product, PACK_SIZES[packSizes.draw(random)], minute, product.pricePence(), c,
                        guest);
                if (guest) {
                    emit(RejectReason.MISSING_CUSTOMER);
                    continue;
                }
                RejectReason fate = first && i == 0 ? null : spoil();
                emit(fate);
                if (fate == null) {
                    keptProducts[kept] = product;
                    keptQuantities[kept++] = line.quantity;
                    if (random.chance(MessRates.DUPLICATE_LINE)) {
                        emit(RejectReason.DUPLICATE);
                    }
                }
            }
            addPostage(c, invoice, minute, guest);
            if (kept > 0 && c.returnAt == ShoppingCalendar.NEVER && random.chance(MessRates.RETURN_AFTER_VISIT)) {
                planReturn(c, minute, kept);
            }
        }

        /** Damages the current line, or not; returns the reason cleaning will reject it for, null to keep it. */
        private RejectReason spoil() {
            double u = random.nextDouble();
            if ((u -= MessRates.CUT_SHORT) < 0) {
                line.damage = ExportLine.Damage.CUT_SHORT;
                return RejectReason.MALFORMED_ROW;
            }
            if ((u -= MessRates.UNREADABLE_DATE) < 0) {
                line.damage = ExportLine.Damage.DATE_UNREADABLE;
                return RejectReason.UNPARSABLE_DATE;
            }
            if ((u -= MessRates.UNREADABLE_QUANTITY) < 0) {
                line.damage = ExportLine.Damage.QUANTITY_UNREADABLE;
                return RejectReason.UNPARSABLE_NUMBER;
            }
            if ((u -= MessRates.ZERO_QUANTITY) < 0) {
                line.quantity = 0;
                return RejectReason.ZERO_QUANTITY;
            }
            if ((u -= MessRates.ZERO_PRICE) < 0) {
                line.pricePence = 0;
                return RejectReason.NON_POSITIVE_PRICE;
            }
            return null;
        }

        private void addPostage(Customer c, int invoice, long minute, boolean guest) throws IOException {
            if (c.abroad() ? random.chance(MessRates.POSTAGE_ABROAD) : random.chance(MessRates.DOTCOM_POSTAGE)) {
                Product postage = c.abroad() ? catalogue.postage() : catalogue.dotcomPostage();
                int price = c.abroad() ? postage.pricePence() : random.between(50, 900) * 100 + random.nextInt(100);
                line.set(invoice, false, postage, c.abroad() ? random.between(1, 3) : 1, minute, price, c, guest);
                emit(guest ? RejectReason.MISSING_CUSTOMER : RejectReason.NON_MERCHANDISE);
            }
        }

        /** Picks some kept lines of this invoice to come back later, in full or in part. */
        private void planReturn(Customer c, long minute, int kept) {
            long at = calendar.after(minute, random.exponential() * MessRates.RETURN_DELAY_DAYS);
            if (at == ShoppingCalendar.NEVER) {
                return;
            }
            int lines = Math.min(kept, random.between(1, MessRates.MAX_RETURNED_LINES));
            for (int i = 0; i < lines; i++) {
                // a partial Fisher-Yates draw: distinct lines, so the return invoice holds each product once
                int j = i + random.nextInt(kept - i);
                Product product = keptProducts[j];
                int quantity = keptQuantities[j];
                keptProducts[j] = keptProducts[i];
                keptQuantities[j] = keptQuantities[i];
                c.returnProducts[i] = product;
                c.returnQuantities[i] = random.chance(0.7) ? quantity : random.between(1, quantity);
            }
            c.returnLines = lines;
            c.returnAt = at;
        }

        private void bringBack(Customer c) throws IOException {
            int invoice = nextInvoice++;
            for (int i = 0; i < c.returnLines; i++) {
                Product product = c.returnProducts[i];
                line.set(invoice, true, product, -c.returnQuantities[i], c.returnAt, product.pricePence(), c, false);
                emit(null);
                c.returnProducts[i] = null;
            }
            c.returnLines = 0;
            c.returnAt = ShoppingCalendar.NEVER;
        }

        private void returnOldStock(Customer c, long minute) throws IOException {
            Product product = catalogue.discontinued(random);
            line.set(nextInvoice++, true, product, -random.between(1, 6), minute, product.pricePence(), c, false);
            emit(RejectReason.UNMATCHED_CANCELLATION);
        }

        private void emit(RejectReason fate) throws IOException {
            writer.write(line);
            accounting.record(line, fate);
        }
    }
}
