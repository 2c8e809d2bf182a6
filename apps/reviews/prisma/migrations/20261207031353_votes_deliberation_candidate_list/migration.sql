-- CreateTable
CREATE TABLE "member_unit" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "recorded_by" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "quorum_numerator" INTEGER,
    "quorum_denominator" INTEGER,
    "majority_numerator" INTEGER,
    "majority_denominator" INTEGER,
    "majority_strict" BOOLEAN,
    "rules_reason" TEXT,
    "rules_decided_by" TEXT,
    "rules_decided_at" TIMESTAMPTZ(3),
    "slate_reason" TEXT,
    "slate_decided_by" TEXT,
    "slate_decided_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3),
    "opened_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "tally" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vote_candidate" (
    "vote_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "vote_candidate_pkey" PRIMARY KEY ("vote_id","application_id")
);

-- CreateTable
CREATE TABLE "ballot" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "member_unit_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "choices_cipher" TEXT,
    "cast_at" TIMESTAMPTZ(3),

    CONSTRAINT "ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballot_box_entry" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "vote_id" UUID NOT NULL,
    "choices" JSONB NOT NULL,

    CONSTRAINT "ballot_box_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliberation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "attendees" TEXT[],
    "minutes" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "recorded_by" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deliberation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliberation_decision" (
    "deliberation_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "tier" TEXT,
    "reason" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "deliberation_decision_pkey" PRIMARY KEY ("deliberation_id","application_id")
);

-- CreateTable
CREATE TABLE "candidate_list" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cycle_number" INTEGER NOT NULL,
    "stages" TEXT[],
    "entries" JSONB NOT NULL,
    "basis" TEXT NOT NULL,
    "published_by" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_list_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_unit_tenant_id_user_id_key" ON "member_unit"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_unit_tenant_id_name_key" ON "member_unit"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "vote_tenant_id_cycle_number_key" ON "vote"("tenant_id", "cycle_number");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_vote_id_member_unit_id_key" ON "ballot"("vote_id", "member_unit_id");

-- CreateIndex
CREATE INDEX "ballot_box_entry_vote_id_idx" ON "ballot_box_entry"("vote_id");

-- CreateIndex
CREATE UNIQUE INDEX "deliberation_tenant_id_cycle_number_key" ON "deliberation"("tenant_id", "cycle_number");

-- CreateIndex
CREATE UNIQUE INDEX "candidate_list_tenant_id_cycle_number_key" ON "candidate_list"("tenant_id", "cycle_number");

-- AddForeignKey
ALTER TABLE "vote_candidate" ADD CONSTRAINT "vote_candidate_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_member_unit_id_fkey" FOREIGN KEY ("member_unit_id") REFERENCES "member_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_box_entry" ADD CONSTRAINT "ballot_box_entry_vote_id_fkey" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliberation_decision" ADD CONSTRAINT "deliberation_decision_deliberation_id_fkey" FOREIGN KEY ("deliberation_id") REFERENCES "deliberation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- RowLevelSecurity
ALTER TABLE "member_unit" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "member_unit" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "member_unit" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "vote" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "vote" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "vote" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "vote_candidate" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "vote_candidate" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "vote_candidate" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "ballot" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ballot" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ballot" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "ballot_box_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ballot_box_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ballot_box_entry" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "deliberation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "deliberation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "deliberation" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "deliberation_decision" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "deliberation_decision" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "deliberation_decision" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- RowLevelSecurity
ALTER TABLE "candidate_list" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "candidate_list" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "candidate_list" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
