using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Tests.Support;

/// <summary>Arrangements for the desk actions (bulk, incidents, merge): a Manager, several clients and their tickets.</summary>
public static class DeskSeed
{
    /// <summary>A valid company NPWP per <paramref name="index"/> (the Luhn check digit computed, not typed).</summary>
    public static string Npwp(int index)
    {
        var firstEight = $"3{index + 1:D7}";
        var nine = firstEight + MsmHelpdesk.Domain.Clients.Npwp.LuhnCheckDigit(firstEight);
        return $"{nine[..2]}.{nine[2..5]}.{nine[5..8]}.{nine[8]}-000.000";
    }

    public static async Task<UserIdentity> ManagerAsync(TestApp app, string email = "maya@msm.co.id", string name = "Maya")
    {
        var id = (await app.Identity.CreateUserAsync(new NewUser(email, name, "Manajer2026x", [Roles.Manager]), CancellationToken.None)).Value;
        return new UserIdentity(id, name, new HashSet<string> { Roles.Manager });
    }

    /// <summary>One ticket for each of <paramref name="count"/> clients, all reporting ETAX-40002.</summary>
    public static async Task<IReadOnlyList<TicketCreated>> TicketsOfClientsAsync(TestApp app, UserIdentity sender, int count, string errorText = "ETAX-40002: Error di Service")
    {
        var tickets = new List<TicketCreated>();
        for (var i = 0; i < count; i++)
        {
            var client = await Seed.ClientAsync(app, sender, $"PT Klien {i + 1}", Npwp(i));
            tickets.Add(await Seed.TicketAsync(app, sender, client, errorText));
        }

        return tickets;
    }

    public static async Task MoveAsync(TestApp app, UserIdentity sender, Guid ticketId, params TicketStatus[] path)
    {
        foreach (var to in path)
        {
            var moved = await app.SendAsync(sender, new ChangeTicketStatusCommand { TicketId = ticketId, To = to, ResolutionSummary = to == TicketStatus.Resolved ? "Selesai" : null });
            if (!moved.IsSuccess)
            {
                throw new InvalidOperationException($"Could not move to {to}: {moved.Error.Message}");
            }
        }
    }

    public static async Task<TicketView> ViewAsync(TestApp app, UserIdentity sender, Guid ticketId) =>
        (await app.SendAsync(sender, new GetTicketQuery { TicketId = ticketId })).Value;
}
