using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

public sealed class MigrationTests
{
    private static readonly string CommittedScript = TestPaths.InRepository("db", "sqlserver-idempotent.sql");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void ShouldHaveAMigrationForEveryModelChange(DatabaseProvider provider)
    {
        using var db = DesignTimeContexts.Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run db/add-migration.sh NAME");
    }

    [Fact]
    public async Task ShouldBuildTheRunningAppsModelLikeTheMigrationsDo()
    {
        await using var app = await TestApp.StartAsync();

        Assert.False(await app.QueryDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Contains("AspNetUserPasskeys", await app.QueryDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(type => type.GetTableName()).ToArray())));
    }

    [Fact]
    public void ShouldCommitTheCurrentIdempotentSqlServerScript()
    {
        using var db = DesignTimeContexts.Create(DatabaseProvider.SqlServer);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.True(File.Exists(CommittedScript), "db/sqlserver-idempotent.sql is missing: run db/script-sqlserver.sh");
        Assert.True(Normalise(expected) == Normalise(File.ReadAllText(CommittedScript)), "db/sqlserver-idempotent.sql is stale: run db/script-sqlserver.sh");
    }

    [Fact]
    public void ShouldParseTheCommittedScriptAsTransactSql()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(File.ReadAllText(CommittedScript));

        var script = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(error => $"line {error.Line}: {error.Message}"));
        Assert.True(script.Batches.Sum(batch => batch.Statements.Count) > 10, "the script holds almost no statements");
        Assert.Contains("CREATE TABLE [AspNetUserPasskeys]", File.ReadAllText(CommittedScript), StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldCreateTheTicketsFullTextIndexOutsideATransactionWhenFullTextSearchIsInstalled()
    {
        var text = File.ReadAllText(CommittedScript);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var script = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors);
        // The batch that creates the index: guarded by the feature check, and not inside BEGIN TRANSACTION … COMMIT.
        var batch = Assert.Single(script.Batches, batch => text.Substring(batch.StartOffset, batch.FragmentLength).Contains("CREATE FULLTEXT INDEX", StringComparison.Ordinal));
        var batchText = text.Substring(batch.StartOffset, batch.FragmentLength);
        Assert.Contains("IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1", batchText, StringComparison.Ordinal);
        Assert.Contains("CREATE FULLTEXT CATALOG [HelpdeskSearch]", batchText, StringComparison.Ordinal);
        Assert.Contains("ON [Tickets] ([Number] LANGUAGE 0, [ErrorText] LANGUAGE 0, [Description] LANGUAGE 0) KEY INDEX [PK_Tickets]", batchText, StringComparison.Ordinal);
        Assert.DoesNotContain("TRANSACTION", batchText, StringComparison.OrdinalIgnoreCase);
        var before = text[..batch.StartOffset];
        Assert.True(before.LastIndexOf("COMMIT;", StringComparison.Ordinal) > before.LastIndexOf("BEGIN TRANSACTION;", StringComparison.Ordinal),
            "the full-text batch runs inside the previous migrations' transaction");
    }

    [Fact]
    public async Task ShouldMigrateSqliteIntoWriteAheadLogMode()
    {
        await using var app = await TestApp.StartAsync();

        var mode = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        var roles = await app.QueryDbAsync(db => db.Roles.Select(role => role.Name!).OrderBy(name => name).ToListAsync());

        Assert.Equal("wal", mode);
        Assert.Equal(["Admin", "Consultant", "Manager"], roles);
    }

    private static string Normalise(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
