-- The cap of an entitlement the regulation leaves open ("不超过N万元"), and the decision that set its amount: the
-- deciding body, its document and reason as the decision says, and who recorded it when.
ALTER TABLE "entitlement" ADD COLUMN     "cap_fen" BIGINT,
ADD COLUMN     "amount_decided_by" TEXT,
ADD COLUMN     "amount_document" TEXT,
ADD COLUMN     "amount_decision_reason" TEXT,
ADD COLUMN     "amount_recorded_by" TEXT,
ADD COLUMN     "amount_recorded_at" TIMESTAMPTZ(3);
