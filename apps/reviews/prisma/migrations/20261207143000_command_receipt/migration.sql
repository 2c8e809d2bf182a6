-- CreateTable
CREATE TABLE "command_receipt" (
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "tenant_id" UUID,
    "results" JSONB NOT NULL DEFAULT '{}',
    "answer" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answered_at" TIMESTAMPTZ(3),

    CONSTRAINT "command_receipt_pkey" PRIMARY KEY ("key","subject")
);

-- CreateIndex
CREATE INDEX "command_receipt_created_at_idx" ON "command_receipt"("created_at");
