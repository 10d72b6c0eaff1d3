CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "Status" TEXT NOT NULL,
    "OrganizationName" TEXT NOT NULL,
    "OrganizationType" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "Region" TEXT NOT NULL,
    "Website" TEXT NULL,
    "Statement" TEXT NULL,
    "NormalizedName" TEXT NOT NULL,
    "SearchKey" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ContactName" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "ConsentVersion" TEXT NOT NULL,
    "AppealVersion" TEXT NOT NULL,
    "IsPossibleDuplicate" INTEGER NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "RejectedAt" TEXT NULL,
    "ContactDataPurgedAt" TEXT NULL,
    "ModeratedBy" TEXT NULL,
    "RejectionReason" TEXT NULL,
    "AddedByModerator" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "CreatedAt" TEXT NOT NULL,
    "DisabledAt" TEXT NULL,
    "InvitedAt" TEXT NULL,
    "LastAuthenticatorCodeHash" TEXT NULL,
    "LastAuthenticatorCodeAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "RejectionReasons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RejectionReasons" PRIMARY KEY AUTOINCREMENT,
    "Text" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "SortOrder" INTEGER NOT NULL
);

CREATE TABLE "ApplicationTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApplicationTokens" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    CONSTRAINT "FK_ApplicationTokens_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Details" TEXT NOT NULL,
    "ApplicationId" INTEGER NULL,
    CONSTRAINT "FK_AuditEntries_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE SET NULL
);

CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NULL,
    "ToAddress" TEXT NOT NULL,
    "ToName" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LockedUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "SentAt" TEXT NULL,
    "FailedAt" TEXT NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_OutboxMessages_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

INSERT INTO "RejectionReasons" ("Id", "IsActive", "SortOrder", "Text")
VALUES (1, 1, 1, 'Die Organisation ließ sich nicht überprüfen.');
SELECT changes();

INSERT INTO "RejectionReasons" ("Id", "IsActive", "SortOrder", "Text")
VALUES (2, 1, 2, 'Die Angaben sind unvollständig oder offensichtlich falsch.');
SELECT changes();

INSERT INTO "RejectionReasons" ("Id", "IsActive", "SortOrder", "Text")
VALUES (3, 1, 3, 'Die Organisation ist bereits als Unterzeichnerin eingetragen.');
SELECT changes();

INSERT INTO "RejectionReasons" ("Id", "IsActive", "SortOrder", "Text")
VALUES (4, 1, 4, 'Ziele oder Äußerungen der Organisation widersprechen dem Aufruf.');
SELECT changes();

INSERT INTO "RejectionReasons" ("Id", "IsActive", "SortOrder", "Text")
VALUES (5, 1, 5, 'Es handelt sich nicht um eine Organisation, sondern um eine Einzelperson.');
SELECT changes();


CREATE INDEX "IX_Applications_Email" ON "Applications" ("Email");

CREATE INDEX "IX_Applications_NormalizedName" ON "Applications" ("NormalizedName");

CREATE UNIQUE INDEX "IX_Applications_OnePendingPerAddress" ON "Applications" ("NormalizedName", "Email") WHERE "Status" = 'Submitted';

CREATE INDEX "IX_Applications_Status" ON "Applications" ("Status");

CREATE INDEX "IX_Applications_Status_NormalizedName" ON "Applications" ("Status", "NormalizedName");

CREATE INDEX "IX_Applications_Status_PublishedAt" ON "Applications" ("Status", "PublishedAt");

CREATE INDEX "IX_ApplicationTokens_ApplicationId" ON "ApplicationTokens" ("ApplicationId");

CREATE UNIQUE INDEX "IX_ApplicationTokens_Hash" ON "ApplicationTokens" ("Hash");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_ApplicationId" ON "AuditEntries" ("ApplicationId");

CREATE INDEX "IX_AuditEntries_OccurredAt" ON "AuditEntries" ("OccurredAt");

CREATE INDEX "IX_OutboxMessages_ApplicationId" ON "OutboxMessages" ("ApplicationId");

CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125115254_Initial', '10.0.12');

ALTER TABLE "Applications" ADD "UnpublishedAt" TEXT NULL;

ALTER TABLE "Applications" ADD "WebsiteHost" TEXT NULL;

CREATE INDEX "IX_Applications_WebsiteHost" ON "Applications" ("WebsiteHost");

UPDATE "Applications" SET "Status" = 'Unpublished', "UnpublishedAt" = "WithdrawnAt", "WithdrawnAt" = NULL
WHERE "Status" = 'Withdrawn' AND "ContactDataPurgedAt" IS NULL;

UPDATE "AuditEntries" SET "Action" = 'Submitted' WHERE "Action" = 'eingereicht';

UPDATE "AuditEntries" SET "Action" = 'Confirmed' WHERE "Action" = 'bestätigt';

UPDATE "AuditEntries" SET "Action" = 'ConfirmationResent' WHERE "Action" = 'Bestätigungslink erneut gesendet';

UPDATE "AuditEntries" SET "Action" = 'Published' WHERE "Action" = 'freigegeben';

UPDATE "AuditEntries" SET "Action" = 'Rejected' WHERE "Action" = 'abgelehnt';

UPDATE "AuditEntries" SET "Action" = 'Unpublished' WHERE "Action" = 'depubliziert';

UPDATE "AuditEntries" SET "Action" = 'Edited' WHERE "Action" = 'bearbeitet';

UPDATE "AuditEntries" SET "Action" = 'Note' WHERE "Action" = 'Notiz';

UPDATE "AuditEntries" SET "Action" = 'AddedByModerator' WHERE "Action" = 'direkt eingetragen';

UPDATE "AuditEntries" SET "Action" = 'Imported' WHERE "Action" = 'importiert';

UPDATE "AuditEntries" SET "Action" = 'Exported' WHERE "Action" = 'exportiert';

UPDATE "AuditEntries" SET "Action" = 'LoginSucceeded' WHERE "Action" = 'Anmeldung erfolgreich';

UPDATE "AuditEntries" SET "Action" = 'LoginFailed' WHERE "Action" = 'Anmeldung fehlgeschlagen';

UPDATE "AuditEntries" SET "Action" = 'LockedOut' WHERE "Action" = 'Konto gesperrt (zu viele Versuche)';

UPDATE "AuditEntries" SET "Action" = 'TwoFactorEnabled' WHERE "Action" = 'Zwei-Faktor-Anmeldung eingerichtet';

UPDATE "AuditEntries" SET "Action" = 'PasswordChanged' WHERE "Action" = 'Passwort geändert';

UPDATE "AuditEntries" SET "Action" = 'ModeratorInvited' WHERE "Action" = 'Moderator*in eingeladen';

UPDATE "AuditEntries" SET "Action" = 'ModeratorDisabled' WHERE "Action" = 'Moderator*in deaktiviert';

UPDATE "AuditEntries" SET "Action" = 'ReasonsChanged' WHERE "Action" = 'Ablehnungsgründe geändert';

UPDATE "AuditEntries" SET "Action" = 'Withdrawn' WHERE "Action" = 'zurückgezogen';

UPDATE "AuditEntries" SET "Action" = 'DeletedUnconfirmed' WHERE "Action" = 'unbestätigt gelöscht';

UPDATE "AuditEntries" SET "Action" = 'ContactDataPurged' WHERE "Action" = 'Kontaktdaten gelöscht';

UPDATE "AuditEntries" SET "Actor" = 'applicant' WHERE "Actor" = 'Antragsteller*in';

UPDATE "AuditEntries" SET "Actor" = 'system' WHERE "Actor" = 'System';

UPDATE "AuditEntries" SET "Actor" = 'cli' WHERE "Actor" = 'Kommandozeile';

UPDATE "AuditEntries" SET "Actor" = 'unknown-account' WHERE "Actor" = 'unbekanntes Konto';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125143953_DomainStatesAndAuditCodes', '10.0.12');

ALTER TABLE "AspNetUsers" ADD "UsedAuthenticatorSteps" TEXT NULL;

CREATE TABLE "ef_temp_AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "AccessFailedCount" INTEGER NOT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DisabledAt" TEXT NULL,
    "Email" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "InvitedAt" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "PasswordHash" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "SecurityStamp" TEXT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "UsedAuthenticatorSteps" TEXT NULL,
    "UserName" TEXT NULL
);

INSERT INTO "ef_temp_AspNetUsers" ("Id", "AccessFailedCount", "ConcurrencyStamp", "CreatedAt", "DisabledAt", "Email", "EmailConfirmed", "InvitedAt", "LockoutEnabled", "LockoutEnd", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UsedAuthenticatorSteps", "UserName")
SELECT "Id", "AccessFailedCount", "ConcurrencyStamp", "CreatedAt", "DisabledAt", "Email", "EmailConfirmed", "InvitedAt", "LockoutEnabled", "LockoutEnd", "NormalizedEmail", "NormalizedUserName", "PasswordHash", "PhoneNumber", "PhoneNumberConfirmed", "SecurityStamp", "TwoFactorEnabled", "UsedAuthenticatorSteps", "UserName"
FROM "AspNetUsers";

PRAGMA foreign_keys = 0;

DROP TABLE "AspNetUsers";

ALTER TABLE "ef_temp_AspNetUsers" RENAME TO "AspNetUsers";

PRAGMA foreign_keys = 1;

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125152108_AuthenticatorStepsRemembered', '10.0.12');

ALTER TABLE "Applications" ADD "FormNonce" TEXT NULL;

CREATE UNIQUE INDEX "IX_Applications_FormNonce" ON "Applications" ("FormNonce");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125153213_OneApplicationPerForm', '10.0.12');

ALTER TABLE "OutboxMessages" ADD "Kind" TEXT NOT NULL DEFAULT '';

ALTER TABLE "OutboxMessages" ADD "QueueKey" TEXT NULL;

ALTER TABLE "OutboxMessages" ADD "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

CREATE UNIQUE INDEX "IX_OutboxMessages_QueueKey" ON "OutboxMessages" ("QueueKey");

CREATE INDEX "IX_OutboxMessages_ToAddress_Kind" ON "OutboxMessages" ("ToAddress", "Kind");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125153728_ConfirmationMailsPerAddress', '10.0.12');

CREATE TABLE "DailyDigests" (
    "Day" TEXT NOT NULL CONSTRAINT "PK_DailyDigests" PRIMARY KEY,
    "SentAt" TEXT NOT NULL,
    "Waiting" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125163920_ReviewDigests', '10.0.12');

CREATE TABLE "AspNetUserPasskeys" (
    "CredentialId" BLOB NOT NULL CONSTRAINT "PK_AspNetUserPasskeys" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    CONSTRAINT "FK_AspNetUserPasskeys_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserPasskeys_UserId" ON "AspNetUserPasskeys" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125165528_Passkeys', '10.0.12');

CREATE TABLE "ApplicationLogos" (
    "ApplicationId" INTEGER NOT NULL CONSTRAINT "PK_ApplicationLogos" PRIMARY KEY,
    "Hash" TEXT NOT NULL,
    "Small" BLOB NOT NULL,
    "Large" BLOB NOT NULL,
    CONSTRAINT "FK_ApplicationLogos_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125180314_ApplicationLogos', '10.0.12');

DROP INDEX "IX_Applications_Email";

CREATE INDEX "IX_Applications_Email_Status" ON "Applications" ("Email", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125181206_ApplicationsByAddressAndStatus', '10.0.12');

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "JobRuns" (
    "Job" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Job", "Period")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125184437_KeyRingAndJobRuns', '10.0.12');

DROP INDEX "IX_OutboxMessages_SentAt_NextAttemptAt";

CREATE INDEX "IX_OutboxMessages_FailedAt" ON "OutboxMessages" ("FailedAt") WHERE "FailedAt" IS NOT NULL;

CREATE INDEX "IX_OutboxMessages_SentAt" ON "OutboxMessages" ("SentAt") WHERE "SentAt" IS NOT NULL;

CREATE INDEX "IX_OutboxMessages_Unsent" ON "OutboxMessages" ("Id") WHERE "SentAt" IS NULL AND "FailedAt" IS NULL;

CREATE INDEX "IX_OutboxMessages_Version" ON "OutboxMessages" ("Version");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126021545_OutboxQueueIndexes', '10.0.12');

CREATE INDEX "IX_Applications_Status_SearchKey" ON "Applications" ("Status", "SearchKey");

CREATE INDEX "IX_Applications_Status_UpdatedAt" ON "Applications" ("Status", "UpdatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127000728_PublicListIndexes', '10.0.12');

