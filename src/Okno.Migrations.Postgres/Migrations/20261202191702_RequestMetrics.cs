using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Action",
                table: "Messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CsatAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CsatScore",
                table: "Conversations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RequestMetrics",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    LastMessageId = table.Column<long>(type: "bigint", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: true),
                    TeamId = table.Column<long>(type: "bigint", nullable: true),
                    ChannelKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChannelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Page = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Referrer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UtmSource = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UtmMedium = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UtmCampaign = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AvitoItem = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstInboundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<long>(type: "bigint", nullable: true),
                    Responses = table.Column<int>(type: "integer", nullable: false),
                    AverageResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    MaxResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionBusinessSeconds = table.Column<long>(type: "bigint", nullable: true),
                    HandOffs = table.Column<int>(type: "integer", nullable: false),
                    Reassignments = table.Column<int>(type: "integer", nullable: false),
                    MessagesIn = table.Column<int>(type: "integer", nullable: false),
                    MessagesOut = table.Column<int>(type: "integer", nullable: false),
                    SlaState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SlaBreaches = table.Column<int>(type: "integer", nullable: false),
                    IsTarget = table.Column<bool>(type: "boolean", nullable: true),
                    NotTargetReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PracticeArea = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Csat = table.Column<int>(type: "integer", nullable: true),
                    QualityViolations = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestMetrics", x => x.ConversationId);
                    table.ForeignKey(
                        name: "FK_RequestMetrics_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_AssigneeId_CreatedAt",
                table: "RequestMetrics",
                columns: new[] { "AssigneeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_ChannelId_CreatedAt",
                table: "RequestMetrics",
                columns: new[] { "ChannelId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_CreatedAt",
                table: "RequestMetrics",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_Source_CreatedAt",
                table: "RequestMetrics",
                columns: new[] { "Source", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_TeamId_CreatedAt",
                table: "RequestMetrics",
                columns: new[] { "TeamId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestMetrics");

            migrationBuilder.DropColumn(
                name: "Action",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CsatAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CsatScore",
                table: "Conversations");
        }
    }
}
