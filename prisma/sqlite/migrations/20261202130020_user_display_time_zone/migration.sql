-- AlterTable
ALTER TABLE "user" ADD COLUMN "displayTimeZone" TEXT;
