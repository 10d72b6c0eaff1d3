using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.Migrations
{
    /// <inheritdoc />
    public partial class DomainStatesAndAuditCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebsiteHost",
                table: "Applications",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_WebsiteHost",
                table: "Applications",
                column: "WebsiteHost");

            // "Withdrawn" meant two things: a withdrawal by the organization (which always purged the
            // contact data) and an unpublishing by a moderator (which never did). Split them.
            migrationBuilder.Sql("""
                UPDATE "Applications" SET "Status" = 'Unpublished', "UnpublishedAt" = "WithdrawnAt", "WithdrawnAt" = NULL
                WHERE "Status" = 'Withdrawn' AND "ContactDataPurgedAt" IS NULL;
                """);

            // Audit actions and system actors were stored as German labels; they become stable codes.
            foreach (var (label, code) in ActionCodes)
            {
                migrationBuilder.Sql($"""UPDATE "AuditEntries" SET "Action" = '{code}' WHERE "Action" = '{label}';""");
            }

            foreach (var (label, code) in ActorCodes)
            {
                migrationBuilder.Sql($"""UPDATE "AuditEntries" SET "Actor" = '{code}' WHERE "Actor" = '{label}';""");
            }
        }

        private static readonly (string Label, string Code)[] ActionCodes =
        [
            ("eingereicht", "Submitted"), ("bestätigt", "Confirmed"), ("Bestätigungslink erneut gesendet", "ConfirmationResent"),
            ("freigegeben", "Published"), ("abgelehnt", "Rejected"), ("depubliziert", "Unpublished"), ("bearbeitet", "Edited"),
            ("Notiz", "Note"), ("direkt eingetragen", "AddedByModerator"), ("importiert", "Imported"), ("exportiert", "Exported"),
            ("Anmeldung erfolgreich", "LoginSucceeded"), ("Anmeldung fehlgeschlagen", "LoginFailed"),
            ("Konto gesperrt (zu viele Versuche)", "LockedOut"), ("Zwei-Faktor-Anmeldung eingerichtet", "TwoFactorEnabled"),
            ("Passwort geändert", "PasswordChanged"), ("Moderator*in eingeladen", "ModeratorInvited"),
            ("Moderator*in deaktiviert", "ModeratorDisabled"), ("Ablehnungsgründe geändert", "ReasonsChanged"),
            ("zurückgezogen", "Withdrawn"), ("unbestätigt gelöscht", "DeletedUnconfirmed"), ("Kontaktdaten gelöscht", "ContactDataPurged"),
        ];

        private static readonly (string Label, string Code)[] ActorCodes =
        [
            ("Antragsteller*in", "applicant"), ("System", "system"), ("Kommandozeile", "cli"), ("unbekanntes Konto", "unknown-account"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (label, code) in ActionCodes)
            {
                migrationBuilder.Sql($"""UPDATE "AuditEntries" SET "Action" = '{label}' WHERE "Action" = '{code}';""");
            }

            foreach (var (label, code) in ActorCodes)
            {
                migrationBuilder.Sql($"""UPDATE "AuditEntries" SET "Actor" = '{label}' WHERE "Actor" = '{code}';""");
            }

            migrationBuilder.Sql("""
                UPDATE "Applications" SET "Status" = 'Withdrawn', "WithdrawnAt" = "UnpublishedAt"
                WHERE "Status" = 'Unpublished';
                """);

            migrationBuilder.DropIndex(
                name: "IX_Applications_WebsiteHost",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "UnpublishedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WebsiteHost",
                table: "Applications");
        }
    }
}
