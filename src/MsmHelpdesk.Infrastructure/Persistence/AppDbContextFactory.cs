using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

public sealed class AppDbContextFactory(IDbContextFactory<HelpdeskDbContext> factory, DatabaseSettings settings) : IAppDbContextFactory
{
    private readonly SqliteGroupCommit? _groups = settings.Provider == DatabaseProvider.Sqlite ? new SqliteGroupCommit(factory) : null;

    /// <summary>The SQLite group writer (decision record 0205); null on SQL Server.</summary>
    public SqliteGroupCommit? Groups => _groups;

    public async Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);

    public Task<T> WriteAsync<T>(IAppDbContext db, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _groups is not null && db is HelpdeskDbContext { Database.CurrentTransaction: null } caller
            ? _groups.WriteAsync(caller, work, cancellationToken)
            : work(db, cancellationToken);
}
