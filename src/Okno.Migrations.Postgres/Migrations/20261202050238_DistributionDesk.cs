using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DistributionDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedBy",
                table: "Conversations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseDueAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextResponseDueAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionDueAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaBreachesJson",
                table: "Conversations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "SlaChecked",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SlaPolicyId",
                table: "Conversations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaState",
                table: "Conversations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Ok");

            migrationBuilder.AddColumn<long>(
                name: "TeamId",
                table: "Conversations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferredFromId",
                table: "Conversations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WaitingSince",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WeekJson = table.Column<string>(type: "text", nullable: false),
                    DaysOffJson = table.Column<string>(type: "text", nullable: false),
                    WorkingDaysJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessHours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Presence",
                columns: table => new
                {
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    AutoAway = table.Column<bool>(type: "boolean", nullable: false),
                    LastInputAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisconnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PracticeAreasJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Presence", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "PresenceConnections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastInputAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresenceConnections", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    NextResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "bigint", nullable: true),
                    BusinessHoursOnly = table.Column<bool>(type: "boolean", nullable: false),
                    TeamId = table.Column<long>(type: "bigint", nullable: true),
                    ChannelIdsJson = table.Column<string>(type: "text", nullable: false),
                    LabelsJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MemberIdsJson = table.Column<string>(type: "text", nullable: false),
                    ChannelIdsJson = table.Column<string>(type: "text", nullable: false),
                    PracticeAreasJson = table.Column<string>(type: "text", nullable: false),
                    Strategy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    StickyDays = table.Column<int>(type: "integer", nullable: false),
                    AutoTransferAfterSeconds = table.Column<long>(type: "bigint", nullable: true),
                    BusinessHoursId = table.Column<long>(type: "bigint", nullable: true),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    LastAssignedUserId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TeamId_AssigneeId_Status",
                table: "Conversations",
                columns: new[] { "TeamId", "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PresenceConnections_UserId",
                table: "PresenceConnections",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessHours");

            migrationBuilder.DropTable(
                name: "Presence");

            migrationBuilder.DropTable(
                name: "PresenceConnections");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_TeamId_AssigneeId_Status",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AssignedBy",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NextResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaBreachesJson",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaChecked",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaState",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "TransferredFromId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "Conversations");
        }
    }
}
