using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetClientQuery(Guid ClientId) : IQuery<Result<ClientView>>
{
    public GetClientQuery() : this(Guid.Empty)
    {
    }
}

public sealed record ClientView(
    Guid Id,
    string Name,
    string Npwp,
    string NpwpFormatted,
    string? Nitku,
    string? Kpp,
    DateOnly? PkpSince,
    EFakturChannel Channel,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOnEntered,
    DateOnly? CertificateExpiresOn,
    CertificateState CertificateState,
    DateOnly? CoretaxExpiresOn,
    CertificateState CoretaxState,
    string? PassphraseCustodian,
    IReadOnlyList<OfficerInput> Officers,
    IReadOnlyList<ContactView> Contacts,
    int Version,
    CertificateCheckView? LastCertificateCheck);

public sealed record ContactView(Guid Id, string Name, string? Phone, string? Email);

public sealed class GetClientHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetClientQuery, Result<ClientView>>
{
    public async ValueTask<Result<ClientView>> Handle(GetClientQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking()
            .Include(c => c.Officers)
            .Include(c => c.Contacts)
            .SingleOrDefaultAsync(c => c.Id == query.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        var today = Domain.Time.Wib.Today(clock);
        return new ClientView(
            client.Id,
            client.Name,
            client.Npwp,
            Npwp.Format(client.Npwp),
            client.Nitku,
            client.Kpp,
            client.PkpSince,
            client.Channel,
            client.CertificateIssuedOn,
            client.CertificateExpiresOnEntered,
            client.CertificateExpiresOn,
            client.CertificateStateOn(today),
            client.CoretaxExpiresOn,
            client.CoretaxStateOn(today),
            client.PassphraseCustodian,
            client.Officers.Select(officer => new OfficerInput { Name = officer.Name, Position = officer.Position }).ToArray(),
            client.Contacts.OrderBy(contact => contact.Name).Select(contact => new ContactView(contact.Id, contact.Name, contact.Phone, contact.Email)).ToArray(),
            client.Version,
            client.LastCertificateCheck is { } check ? CertificateCheckView.From(check, client.Npwp) : null);
    }
}
