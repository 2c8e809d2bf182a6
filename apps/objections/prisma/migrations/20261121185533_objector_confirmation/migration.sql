-- AlterTable
ALTER TABLE "objection" ADD COLUMN     "confirmation_requested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "objector_comment" TEXT,
ADD COLUMN     "objector_responded_at" TIMESTAMPTZ(3),
ADD COLUMN     "objector_response" TEXT;
