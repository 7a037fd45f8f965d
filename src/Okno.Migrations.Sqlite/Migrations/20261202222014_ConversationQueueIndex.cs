using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConversationQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Queue",
                table: "Conversations",
                columns: new[] { "AssigneeId", "Status", "TeamId", "WaitingSince", "CreatedAt", "ContactId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_Queue",
                table: "Conversations");
        }
    }
}
