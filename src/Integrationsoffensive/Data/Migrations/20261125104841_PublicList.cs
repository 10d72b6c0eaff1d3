using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Applications",
                type: "TEXT",
                maxLength: 340,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_NormalizedName",
                table: "Applications",
                columns: new[] { "Status", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_PublishedAt",
                table: "Applications",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_NormalizedName",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_PublishedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Applications");
        }
    }
}
