package org.originlive.origin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Codes;
import org.originlive.common.ProblemException;

/** What a new lot must satisfy before the database is asked, and its rows as they will be stored. */
final class LotRules {

    static final LocalDate EARLIEST_HARVEST = LocalDate.of(1950, 1, 1);
    static final LocalDate LATEST_HARVEST = LocalDate.of(2100, 12, 31);

    private LotRules() {}

    /** The inputs as stored: numbered from 0, kg as numeric(12, 3). */
    static List<LotInput> inputRows(UUID lotId, List<OriginApi.LotInput> inputs) {
        List<LotInput> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            OriginApi.LotInput in = inputs.get(i);
            LotInput row = new LotInput();
            row.lotId = lotId;
            row.inputNo = i;
            row.producerId = in.producerId();
            row.plotId = in.plotId();
            row.kg = in.kg().setScale(3, RoundingMode.HALF_UP);
            row.farmgatePaidMinor = in.farmgatePaidMinor();
            row.currency = in.currency();
            rows.add(row);
        }
        return rows;
    }

    /** The rules that need no database: dates, quantities, certifications, currencies. */
    static Lot checked(UUID cooperativeId, OriginApi.CreateLot request) {
        for (String field : List.of("harvestFrom", "harvestTo")) {
            LocalDate date = field.equals("harvestFrom") ? request.harvestFrom() : request.harvestTo();
            if (date.isBefore(EARLIEST_HARVEST) || date.isAfter(LATEST_HARVEST)) {
                throw ProblemException.invalid(field, "must be between " + EARLIEST_HARVEST + " and " + LATEST_HARVEST);
            }
        }
        if (request.harvestFrom().isAfter(request.harvestTo())) {
            throw ProblemException.invalid("harvestTo", "must not be before harvestFrom");
        }
        BigDecimal inputs = BigDecimal.ZERO;
        for (int i = 0; i < request.inputs().size(); i++) {
            OriginApi.LotInput input = request.inputs().get(i);
            Codes.requireCurrency("inputs[" + i + "].currency", input.currency());
            inputs = inputs.add(input.kg());
        }
        if (inputs.compareTo(request.quantityKg()) > 0) {
            throw ProblemException.invalid(
                    "inputs",
                    "add up to " + inputs.toPlainString() + " kg, more than the lot's quantityKg "
                            + request.quantityKg().toPlainString());
        }
        List<String> certifications =
                request.certifications().stream().map(String::trim).distinct().toList();
        String process = request.process() == null || request.process().isBlank()
                ? null
                : request.process().trim();
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.cooperativeId = cooperativeId;
        lot.productId = request.productId();
        lot.lotCode = request.lotCode();
        lot.process = process;
        lot.harvestFrom = request.harvestFrom();
        lot.harvestTo = request.harvestTo();
        lot.quantityKg = request.quantityKg().setScale(3, RoundingMode.HALF_UP);
        lot.certifications = certifications.toArray(String[]::new);
        return lot;
    }
}
