using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PublicListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SearchKey",
                table: "Applications",
                columns: new[] { "Status", "SearchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_UpdatedAt",
                table: "Applications",
                columns: new[] { "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_SearchKey",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_UpdatedAt",
                table: "Applications");
        }
    }
}
