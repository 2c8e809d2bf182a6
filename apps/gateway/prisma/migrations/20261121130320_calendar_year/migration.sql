-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "schedule" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "loaded_by" TEXT NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);
