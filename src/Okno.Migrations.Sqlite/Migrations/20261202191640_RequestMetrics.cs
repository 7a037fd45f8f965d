using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CsatAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CsatScore",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RequestMetrics",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    LastMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssigneeId = table.Column<long>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: true),
                    ChannelKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UtmSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UtmMedium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UtmCampaign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AvitoItem = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstInboundAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstResponseBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    Responses = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageResponseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxResponseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionBusinessSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    HandOffs = table.Column<int>(type: "INTEGER", nullable: false),
                    Reassignments = table.Column<int>(type: "INTEGER", nullable: false),
                    MessagesIn = table.Column<int>(type: "INTEGER", nullable: false),
                    MessagesOut = table.Column<int>(type: "INTEGER", nullable: false),
                    SlaState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SlaBreaches = table.Column<int>(type: "INTEGER", nullable: false),
                    IsTarget = table.Column<bool>(type: "INTEGER", nullable: true),
                    NotTargetReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PracticeArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Csat = table.Column<int>(type: "INTEGER", nullable: true),
                    QualityViolations = table.Column<int>(type: "INTEGER", nullable: false)
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
