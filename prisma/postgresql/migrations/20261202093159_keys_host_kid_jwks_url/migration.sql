-- AlterTable
ALTER TABLE "SigningKey" ADD COLUMN     "hostKid" TEXT,
ADD COLUMN     "overlapEndsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JwksSource" (
    "eventId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "refusedKeys" TEXT,
    "nextFetchAt" TIMESTAMP(3) NOT NULL,
    "unknownKidFetchAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JwksSource_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "SigningKey_eventId_hostKid_idx" ON "SigningKey"("eventId", "hostKid");

-- AddForeignKey
ALTER TABLE "JwksSource" ADD CONSTRAINT "JwksSource_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
