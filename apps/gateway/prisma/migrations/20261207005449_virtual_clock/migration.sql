-- CreateTable
CREATE TABLE "virtual_clock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "now" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "moved_by" TEXT,
    "moved_at" TIMESTAMPTZ(3),

    CONSTRAINT "virtual_clock_pkey" PRIMARY KEY ("id")
);

-- One shared clock per platform: the table holds one row at most.
ALTER TABLE "virtual_clock" ADD CONSTRAINT "virtual_clock_single_row" CHECK ("id" = 1);
