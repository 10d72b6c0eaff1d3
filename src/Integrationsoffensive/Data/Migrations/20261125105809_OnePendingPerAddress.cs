using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnePendingPerAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Applications_OnePendingPerAddress",
                table: "Applications",
                columns: new[] { "NormalizedName", "Email" },
                unique: true,
                filter: "\"Status\" = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_OnePendingPerAddress",
                table: "Applications");
        }
    }
}
