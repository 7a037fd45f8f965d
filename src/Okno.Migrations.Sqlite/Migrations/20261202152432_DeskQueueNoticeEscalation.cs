using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Notify");

            migrationBuilder.AddColumn<long>(
                name: "QueueNoticeAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QueueNotices",
                columns: table => new
                {
                    ChannelAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EnabledAt = table.Column<long>(type: "INTEGER", nullable: true)
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
