using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integrationsoffensive.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuthenticatorStepsRemembered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAuthenticatorCodeAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorCodeHash",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<string>(
                name: "UsedAuthenticatorSteps",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UsedAuthenticatorSteps",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastAuthenticatorCodeAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastAuthenticatorCodeHash",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);
        }
    }
}
