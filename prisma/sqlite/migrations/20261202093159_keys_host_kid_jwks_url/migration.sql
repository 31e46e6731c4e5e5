-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN "hostKid" TEXT;
ALTER TABLE "SigningKey" ADD COLUMN "overlapEndsAt" DATETIME;

-- CreateTable
CREATE TABLE "JwksSource" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "lastAttemptAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "refusedKeys" TEXT,
    "nextFetchAt" DATETIME NOT NULL,
    "unknownKidFetchAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JwksSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SigningKey_eventId_hostKid_idx" ON "SigningKey"("eventId", "hostKid");
