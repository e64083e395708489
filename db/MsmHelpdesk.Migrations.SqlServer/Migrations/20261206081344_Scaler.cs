using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MsmHelpdesk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Scaler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Ticket search through SQL Server's full-text index (decision 0181), only where Full-Text Search is installed;
            // elsewhere the search keeps LIKE. Full-text DDL cannot run inside a user transaction.
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'HelpdeskSearch')
                        EXEC(N'CREATE FULLTEXT CATALOG [HelpdeskSearch]');
                    IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Tickets]'))
                        EXEC(N'CREATE FULLTEXT INDEX ON [Tickets] ([Number] LANGUAGE 0, [ErrorText] LANGUAGE 0, [Description] LANGUAGE 0) KEY INDEX [PK_Tickets] ON [HelpdeskSearch] WITH CHANGE_TRACKING = AUTO, STOPLIST = OFF');
                END
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Tickets]'))
                    EXEC(N'DROP FULLTEXT INDEX ON [Tickets]');
                IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'HelpdeskSearch')
                    EXEC(N'DROP FULLTEXT CATALOG [HelpdeskSearch]');
                """, suppressTransaction: true);
        }
    }
}
