using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotTargetOverturned",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TargetSetAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TargetSetById",
                table: "Conversations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    OperatorId = table.Column<long>(type: "bigint", nullable: true),
                    ReviewerId = table.Column<long>(type: "bigint", nullable: false),
                    ScoresJson = table.Column<string>(type: "text", nullable: false),
                    Average = table.Column<double>(type: "double precision", nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CriteriaJson = table.Column<string>(type: "text", nullable: false),
                    SamplePerOperator = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TargetAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    VerdictById = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Overturned = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewerId = table.Column<long>(type: "bigint", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetAudits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ConversationId",
                table: "Reviews",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OperatorId_CreatedAt",
                table: "Reviews",
                columns: new[] { "OperatorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetAudits_ConversationId",
                table: "TargetAudits",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetAudits_VerdictById_At",
                table: "TargetAudits",
                columns: new[] { "VerdictById", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropTable(
                name: "TargetAudits");

            migrationBuilder.DropColumn(
                name: "NotTargetOverturned",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TargetSetAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TargetSetById",
                table: "Conversations");
        }
    }
}
