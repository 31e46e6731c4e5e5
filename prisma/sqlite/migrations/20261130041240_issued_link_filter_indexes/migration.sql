-- DropIndex
DROP INDEX "IssuedLink_eventId_expiresAt_idx";

-- CreateIndex
CREATE INDEX "IssuedLink_eventId_expiresAt_revokedAt_usedAt_kind_idx" ON "IssuedLink"("eventId", "expiresAt", "revokedAt", "usedAt", "kind");

-- CreateIndex
CREATE INDEX "IssuedLink_eventId_roles_idx" ON "IssuedLink"("eventId", "roles");

-- CreateIndex
CREATE INDEX "IssuedLink_eventId_issuedByLabel_idx" ON "IssuedLink"("eventId", "issuedByLabel");

