package org.originlive.ledger;

import java.util.List;
import java.util.UUID;

/** STUB for the payout branch: replaced by the integrator's ledger at merge. */
public record Posting(String type, String refType, UUID refId, List<LedgerEntry> entries) {}
