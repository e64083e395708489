namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>
/// A database transaction as a handler holds it: commit to keep its writes; disposing it uncommitted rolls them back.
/// When it joined a transaction the caller had already opened, committing and rolling back are left to that caller.
/// </summary>
public interface IAppTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Undoes the writes now, when the caller goes on after a failed save; disposing does the same later.</summary>
    Task RollbackAsync(CancellationToken cancellationToken);
}
