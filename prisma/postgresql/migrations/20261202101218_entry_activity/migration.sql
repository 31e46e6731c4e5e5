-- AlterTable
ALTER TABLE "AttendeeSession" ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "linkId" TEXT;

-- AlterTable
ALTER TABLE "organization" ADD COLUMN     "activityRetentionDays" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "EntryAttempt" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "step" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "detail" TEXT,
    "source" TEXT,
    "keyId" TEXT,
    "kid" TEXT,
    "linkId" TEXT,
    "jti" TEXT,
    "network" TEXT,
    "browser" TEXT,
    "displayName" TEXT,
    "email" TEXT,
    "attendee" TEXT,
    "sessionId" TEXT,

    CONSTRAINT "EntryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityMinute" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "keyId" TEXT NOT NULL DEFAULT '',
    "kid" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL,

    CONSTRAINT "ActivityMinute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_at_idx" ON "EntryAttempt"("eventId", "at");

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_outcome_at_idx" ON "EntryAttempt"("eventId", "outcome", "at");

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_reason_at_idx" ON "EntryAttempt"("eventId", "reason", "at");

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_keyId_at_idx" ON "EntryAttempt"("eventId", "keyId", "at");

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_source_at_idx" ON "EntryAttempt"("eventId", "source", "at");

-- CreateIndex
CREATE INDEX "EntryAttempt_eventId_attendee_idx" ON "EntryAttempt"("eventId", "attendee");

-- CreateIndex
CREATE INDEX "ActivityMinute_eventId_hour_idx" ON "ActivityMinute"("eventId", "hour");

-- CreateIndex
CREATE INDEX "ActivityMinute_minute_idx" ON "ActivityMinute"("minute");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityMinute_eventId_minute_outcome_reason_keyId_key" ON "ActivityMinute"("eventId", "minute", "outcome", "reason", "keyId");

-- CreateIndex
CREATE INDEX "AttendeeSession_eventId_keyId_idx" ON "AttendeeSession"("eventId", "keyId");

-- CreateIndex
CREATE INDEX "AttendeeSession_eventId_linkId_idx" ON "AttendeeSession"("eventId", "linkId");

-- CreateIndex
CREATE INDEX "AttendeeSession_expiresAt_idx" ON "AttendeeSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "EntryAttempt" ADD CONSTRAINT "EntryAttempt_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityMinute" ADD CONSTRAINT "ActivityMinute_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
