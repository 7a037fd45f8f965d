using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RequestMetricsLocalDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LocalDay",
                table: "RequestMetrics",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_RequestMetrics_LocalDay",
                table: "RequestMetrics",
                column: "LocalDay");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestMetrics_LocalDay",
                table: "RequestMetrics");

            migrationBuilder.DropColumn(
                name: "LocalDay",
                table: "RequestMetrics");
        }
    }
}
