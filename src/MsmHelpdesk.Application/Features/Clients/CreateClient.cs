using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record CreateClientCommand : ClientForm, ICommand<Result<Guid>>;

public sealed class CreateClientValidator : ClientFormValidator<CreateClientCommand>;

public sealed class CreateClientHandler(IAppDbContextFactory databases, TimeProvider clock) : ICommandHandler<CreateClientCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateClientCommand command, CancellationToken cancellationToken)
    {
        var npwp = Npwp.Parse(command.Npwp).Npwp!;
        await using var db = await databases.CreateAsync(cancellationToken);
        var holder = await db.Clients.Where(client => client.Npwp == npwp.Value).Select(client => client.Name).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            return Error.Validation(nameof(command.Npwp), AppText.NpwpTaken(holder));
        }

        var now = clock.GetUtcNow();
        var client = Client.Register(command.Name, npwp, now);
        client.Update(command.ToDetails(), now);
        client.ReplaceOfficers(command.Officers.Select(officer => (officer.Name, officer.Position)), now);
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return client.Id;
    }
}
