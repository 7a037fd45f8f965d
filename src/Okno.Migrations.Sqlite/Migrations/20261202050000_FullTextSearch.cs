using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Okno.Core.Data;

#nullable disable

namespace Okno.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search (docs/decisions/0014): an FTS5 table of stems per message and the queue the indexer works from,
    /// filled by triggers. Outside the EF model (raw SQL only), so the model snapshot is unchanged.
    /// </summary>
    [DbContext(typeof(OknoDbContext))]
    [Migration("20261202050000_FullTextSearch")]
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchFts" USING fts5("Stems", tokenize = 'unicode61 remove_diacritics 0', prefix = '3 4 5');""");
            migrationBuilder.Sql("""CREATE TABLE "SearchQueue" ("Seq" INTEGER PRIMARY KEY AUTOINCREMENT, "MessageId" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""CREATE TRIGGER "Messages_Search_Insert" AFTER INSERT ON "Messages" BEGIN INSERT INTO "SearchQueue" ("MessageId") VALUES (new."Id"); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages" BEGIN INSERT INTO "SearchQueue" ("MessageId") VALUES (new."Id"); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages" BEGIN DELETE FROM "SearchFts" WHERE rowid = old."Id"; END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "Attachments_Search_Insert" AFTER INSERT ON "Attachments" BEGIN INSERT INTO "SearchQueue" ("MessageId") VALUES (new."MessageId"); END;""");
            migrationBuilder.Sql("""INSERT INTO "SearchQueue" ("MessageId") SELECT "Id" FROM "Messages" ORDER BY "Id";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Attachments_Search_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Messages_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchQueue";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchFts";""");
        }
    }
}
