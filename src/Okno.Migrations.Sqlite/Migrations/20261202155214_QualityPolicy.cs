using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QualityPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QualityPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    GreetingRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiredPhrasesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ForbiddenPhrasesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ForbidPhoneNumbers = table.Column<bool>(type: "INTEGER", nullable: false),
                    Block = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxFirstResponseSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedById = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityViolations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentAnyway = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityViolations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityViolations_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QualityViolations_AuthorId_At",
                table: "QualityViolations",
                columns: new[] { "AuthorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityViolations_ConversationId",
                table: "QualityViolations",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityViolations_MessageId",
                table: "QualityViolations",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QualityPolicies");

            migrationBuilder.DropTable(
                name: "QualityViolations");
        }
    }
}
