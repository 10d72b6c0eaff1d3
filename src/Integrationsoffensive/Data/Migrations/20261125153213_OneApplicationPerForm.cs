using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneApplicationPerForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormNonce",
                table: "Applications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FormNonce",
                table: "Applications",
                column: "FormNonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_FormNonce",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FormNonce",
                table: "Applications");
        }
    }
}
