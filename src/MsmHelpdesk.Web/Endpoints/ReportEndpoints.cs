using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Reports;

namespace MsmHelpdesk.Web.Endpoints;

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

public static class ReportEndpoints
{
    /// <summary>
    /// GET /reports/export?format=csv|xlsx&amp;section=NAME (omit for every section) plus the filter keys: the
    /// report as a download, the same numbers as the page. Managers and Admins only (and the query checks again).
    /// </summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/export", async (HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        {
            var query = http.Request.Query;
            if (!Enum.TryParse<ReportFormat>(query["format"].ToString(), ignoreCase: true, out var format) || !Enum.IsDefined(format))
            {
                return Results.BadRequest("format must be csv or xlsx");
            }

            var section = query["section"].ToString();
            var result = await sender.Send(new GetReportQuery
            {
                Filter = ReportLinks.Parse(key => query[key].ToString()),
                Sections = string.IsNullOrWhiteSpace(section) ? [] : [section],
            }, cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Error!.Kind == ErrorKind.Forbidden ? Results.Forbid() : Results.BadRequest(result.Error.Message);
            }

            var bytes = ReportFiles.ToBytes(result.Value, format);
            return Results.File(bytes, ReportFiles.ContentType(format), ReportFiles.FileName(result.Value, string.IsNullOrWhiteSpace(section) ? "report" : section, format));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Manager},{Roles.Admin}" });
        return endpoints;
    }
}
