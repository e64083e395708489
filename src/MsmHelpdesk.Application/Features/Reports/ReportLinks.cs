using System.Globalization;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Reports;

/// <summary>The report filter in a URL: the dashboard's address, its drill-down links and its downloads carry the same keys.</summary>
public static class ReportLinks
{
    public static string Query(ReportFilter filter)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("consultant", filter.AssigneeId);
        Add("client", filter.ClientId?.ToString());
        Add("kpp", filter.Kpp);
        Add("code", filter.ErrorCode);
        Add("channel", filter.Channel?.ToString());
        return string.Join("&", parts);
    }

    /// <summary>Reads the keys <see cref="Query"/> writes; a value that does not parse is left out rather than guessed.</summary>
    public static ReportFilter Parse(Func<string, string?> value)
    {
        static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

        return new ReportFilter
        {
            From = Date(value("from")),
            To = Date(value("to")),
            AssigneeId = NullIfBlank(value("consultant")),
            ClientId = Guid.TryParse(value("client"), out var client) ? client : null,
            Kpp = NullIfBlank(value("kpp")),
            ErrorCode = NullIfBlank(value("code")),
            Channel = Enum.TryParse<TicketChannel>(value("channel"), ignoreCase: true, out var channel) && Enum.IsDefined(channel) ? channel : null,
        };
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
