using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DeskQueueNoticeEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Escalation",
                table: "SlaPolicies",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Notify");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QueueNoticeAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QueueNotices",
                columns: table => new
                {
                    ChannelAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EnabledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueNotices", x => x.ChannelAccountId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueueNotices");

            migrationBuilder.DropColumn(
                name: "Escalation",
                table: "SlaPolicies");

            migrationBuilder.DropColumn(
                name: "QueueNoticeAt",
                table: "Conversations");
        }
    }
}
