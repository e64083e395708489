using Mediator;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

/// <summary>
/// The list a user last looked at in this tab (its filters and the numbers of the page shown), so j/k on a ticket
/// page go to the next or previous ticket of that list; without one, of the user's own queue, then of all open tickets.
/// </summary>
public sealed class TicketNeighbours(ISender sender)
{
    private const int DefaultPageSize = 100;
    private ListTicketsQuery? _list;
    private List<string> _numbers = [];

    public void Remember(ListTicketsQuery query, IEnumerable<string> shown)
    {
        _list = query;
        _numbers = shown.ToList();
    }

    /// <summary>The number <paramref name="step"/> places away from <paramref name="current"/>, or null at either end.</summary>
    public async Task<string?> StepAsync(string current, int step, CancellationToken cancellationToken = default)
    {
        if (_list is null || !_numbers.Contains(current, StringComparer.OrdinalIgnoreCase))
        {
            await FindInDefaultQueuesAsync(current, cancellationToken);
        }

        var at = _numbers.FindIndex(number => string.Equals(number, current, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return step > 0 ? _numbers.FirstOrDefault() : null;
        }

        var next = at + step;
        if (next >= 0 && next < _numbers.Count)
        {
            return _numbers[next];
        }

        // Past the end of the page shown: the neighbouring page of the same list.
        var page = _list!.Page + Math.Sign(step);
        if (page < 1)
        {
            return null;
        }

        var other = _list with { Page = page };
        var others = await NumbersAsync(other, cancellationToken);
        if (others.Count == 0)
        {
            return null;
        }

        Remember(other, others);
        return step > 0 ? others[0] : others[^1];
    }

    private async Task FindInDefaultQueuesAsync(string current, CancellationToken cancellationToken)
    {
        foreach (var queue in new[] { TicketQueue.Mine, TicketQueue.AllOpen })
        {
            var query = new ListTicketsQuery { Queue = queue, PageSize = DefaultPageSize };
            var found = await NumbersAsync(query, cancellationToken);
            Remember(query, found);
            if (found.Contains(current, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }
        }
    }

    private async Task<List<string>> NumbersAsync(ListTicketsQuery query, CancellationToken cancellationToken)
    {
        var result = await sender.Send(query, cancellationToken);
        return result.IsSuccess ? result.Value.Items.Select(row => row.Number).ToList() : [];
    }
}
