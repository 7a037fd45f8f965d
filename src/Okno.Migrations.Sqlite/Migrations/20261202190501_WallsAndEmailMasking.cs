using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EthicalWalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    SetById = table.Column<long>(type: "INTEGER", nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EthicalWalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EthicalWallMembers",
                columns: table => new
                {
                    WallId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false)
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
