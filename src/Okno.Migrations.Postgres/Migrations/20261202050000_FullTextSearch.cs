using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Okno.Core.Data;

#nullable disable

namespace Okno.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Full-text search (docs/decisions/0014): a GIN-indexed tsvector of stems per message and the queue the indexer
    /// works from, filled by triggers. Outside the EF model (raw SQL only), so the model snapshot is unchanged.
    /// </summary>
    [DbContext(typeof(OknoDbContext))]
    [Migration("20261202050000_FullTextSearch")]
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "SearchQueue" ("Seq" bigserial PRIMARY KEY, "MessageId" bigint NOT NULL);""");
            migrationBuilder.Sql("""
                CREATE TABLE "SearchDocuments" (
                    "MessageId" bigint PRIMARY KEY REFERENCES "Messages" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_Document" ON "SearchDocuments" USING GIN ("Document");""");
            migrationBuilder.Sql("""
                CREATE FUNCTION okno_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchQueue" ("MessageId") VALUES (NEW."Id");
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION okno_search_enqueue_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchQueue" ("MessageId") VALUES (NEW."MessageId");
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "Messages_Search_Insert" AFTER INSERT ON "Messages" FOR EACH ROW EXECUTE FUNCTION okno_search_enqueue();""");
            migrationBuilder.Sql("""CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages" FOR EACH ROW EXECUTE FUNCTION okno_search_enqueue();""");
            migrationBuilder.Sql("""CREATE TRIGGER "Attachments_Search_Insert" AFTER INSERT ON "Attachments" FOR EACH ROW EXECUTE FUNCTION okno_search_enqueue_attachment();""");
            migrationBuilder.Sql("""INSERT INTO "SearchQueue" ("MessageId") SELECT "Id" FROM "Messages" ORDER BY "Id";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Attachments_Search_Insert" ON "Attachments";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_Search_Update" ON "Messages";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_Search_Insert" ON "Messages";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS okno_search_enqueue_attachment();""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS okno_search_enqueue();""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchDocuments";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchQueue";""");
        }
    }
}
