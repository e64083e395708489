using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// A transaction begun on a context, or none when the context already had one: then the code that began that one
/// commits or rolls back, and committing or disposing this does nothing.
/// </summary>
public sealed class AppTransaction : IAppTransaction
{
    private readonly IDbContextTransaction? _owned;

    private AppTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<AppTransaction> BeginAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public Task RollbackAsync(CancellationToken cancellationToken) => _owned?.RollbackAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
