using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WallsAndEmailMasking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MaskEmails",
                table: "RolePolicies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EthicalWalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<long>(type: "bigint", nullable: true),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    SetById = table.Column<long>(type: "bigint", nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicalWalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EthicalWallMembers",
                columns: table => new
                {
                    WallId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicalWallMembers", x => new { x.WallId, x.UserId });
                    table.ForeignKey(
                        name: "FK_EthicalWallMembers_EthicalWalls_WallId",
                        column: x => x.WallId,
                        principalTable: "EthicalWalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EthicalWallMembers_UserId",
                table: "EthicalWallMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EthicalWalls_ContactId",
                table: "EthicalWalls",
                column: "ContactId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EthicalWalls_ConversationId",
                table: "EthicalWalls",
                column: "ConversationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EthicalWallMembers");

            migrationBuilder.DropTable(
                name: "EthicalWalls");

            migrationBuilder.DropColumn(
                name: "MaskEmails",
                table: "RolePolicies");
        }
    }
}
