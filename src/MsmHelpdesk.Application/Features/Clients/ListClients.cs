using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

public enum ClientSort
{
    Name,
    CertificateExpiresOn,
    CreatedAt,
}

[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ListClientsQuery : IQuery<Result<PagedList<ClientRow>>>, IPagedQuery
{
    /// <summary>Part of the name, or NPWP digits (dots and dashes are ignored).</summary>
    public string? Search { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 25;
    public ClientSort SortBy { get; set; }
    public bool Descending { get; set; }
}

public sealed record ClientRow(
    Guid Id,
    string Name,
    string Npwp,
    string? Kpp,
    DateOnly? CertificateExpiresOn,
    CertificateState CertificateState,
    DateOnly? CoretaxExpiresOn,
    int OpenTickets);

public sealed class ListClientsValidator : AbstractValidator<ListClientsQuery>
{
    public ListClientsValidator()
    {
        Include(new PagingValidator());
        RuleFor(query => query.SortBy).IsInEnum();
    }
}

public sealed class ListClientsHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<ListClientsQuery, Result<PagedList<ClientRow>>>
{
    public async ValueTask<Result<PagedList<ClientRow>>> Handle(ListClientsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var clients = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var digits = ClientRules.DigitsOnly(term);
            var searchesNpwp = digits is { Length: >= 4 } && term.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ' ');
            clients = searchesNpwp
                ? clients.Where(client => client.Npwp.Contains(digits!))
                : clients.Where(client => client.Name.ToUpper().Contains(term.ToUpper()));
        }

        var total = await clients.CountAsync(cancellationToken);
        var ordered = (query.SortBy, query.Descending) switch
        {
            (ClientSort.CertificateExpiresOn, false) => clients.OrderBy(c => c.CertificateExpiresOnEntered ?? c.CertificateIssuedOn!.Value.AddYears(Client.CertificateValidityYears)),
            (ClientSort.CertificateExpiresOn, true) => clients.OrderByDescending(c => c.CertificateExpiresOnEntered ?? c.CertificateIssuedOn!.Value.AddYears(Client.CertificateValidityYears)),
            (ClientSort.CreatedAt, false) => clients.OrderBy(c => c.CreatedAt),
            (ClientSort.CreatedAt, true) => clients.OrderByDescending(c => c.CreatedAt),
            (_, false) => clients.OrderBy(c => c.Name),
            (_, true) => clients.OrderByDescending(c => c.Name),
        };
        var open = TicketWorkflow.Open.ToArray();
        var rows = await ordered.ThenBy(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Npwp,
                c.Kpp,
                c.CertificateIssuedOn,
                c.CertificateExpiresOnEntered,
                c.CoretaxExpiresOn,
                OpenTickets = db.Tickets.Count(t => t.ClientId == c.Id && open.Contains(t.Status)),
            })
            .ToListAsync(cancellationToken);
        var today = Domain.Time.Wib.Today(clock);
        var items = rows.Select(row =>
        {
            var expires = Client.ExpiryOf(row.CertificateIssuedOn, row.CertificateExpiresOnEntered);
            return new ClientRow(row.Id, row.Name, Npwp.Format(row.Npwp), row.Kpp, expires, CertificateStates.Of(expires, today), row.CoretaxExpiresOn, row.OpenTickets);
        }).ToArray();
        return new PagedList<ClientRow>(items, total, query.Page, query.PageSize);
    }
}
