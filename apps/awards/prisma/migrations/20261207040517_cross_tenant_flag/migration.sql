-- CreateTable
CREATE TABLE "cross_tenant_flag" (
    "id" UUID NOT NULL,
    "source_tenant_id" UUID NOT NULL,
    "source_key" TEXT NOT NULL,
    "credit_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "until_year" INTEGER,
    "article" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "recorded_on" DATE NOT NULL,

    CONSTRAINT "cross_tenant_flag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "cross_tenant_flag_credit_code_idx" ON "cross_tenant_flag"("credit_code");

-- CreateIndex
CREATE UNIQUE INDEX "cross_tenant_flag_case_id_kind_key" ON "cross_tenant_flag"("case_id", "kind");
