using Mediator;
using MsmHelpdesk.Application.Common.Backups;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Backups;

/// <summary>
/// The nightly backup ("nightly-backup"): one archive of the embedded database with its attachments in the backup
/// folder, the oldest beyond the configured number removed. The job's log line records what it wrote.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record TakeNightlyBackupCommand : ICommand<Result<NightlyBackup>>;

public sealed class TakeNightlyBackupHandler(IBackupService backups) : ICommandHandler<TakeNightlyBackupCommand, Result<NightlyBackup>>
{
    public async ValueTask<Result<NightlyBackup>> Handle(TakeNightlyBackupCommand command, CancellationToken cancellationToken) =>
        await backups.TakeNightlyAsync(cancellationToken);
}
