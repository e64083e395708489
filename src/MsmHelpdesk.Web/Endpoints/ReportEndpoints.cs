using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Reports;
using MsmHelpdesk.Web.Components.Pages.Reports;
using MsmHelpdesk.Web.Resources;

namespace MsmHelpdesk.Web.Endpoints;

public static class ReportEndpoints
{
    /// <summary>
    /// GET /reports/export?format=csv|xlsx&amp;section=NAME (omit for every section) plus the filter keys: the
    /// report as a download, the same numbers as the page. Managers and Admins only (and the query checks again).
    /// The CSV is for the user's spreadsheet: their culture's separator, words with the codes beside them;
    /// &amp;csv=data gives the codes-only form scripts read (as <c>msmhelpdesk report</c> writes).
    /// </summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/export", async (HttpContext http, ISender sender, IStringLocalizer<UiText> text, CancellationToken cancellationToken) =>
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

            var csvStyle = query["csv"] == "data"
                ? ReportCsvStyle.Data
                : ReportCsvStyle.For(CultureInfo.CurrentCulture, (column, value) => ReportWords.Word(text, column, value) ?? "", column => ReportWords.CodeHeader(text, column));
            var bytes = ReportFiles.ToBytes(result.Value, format, csvStyle);
            return Results.File(bytes, ReportFiles.ContentType(format), ReportFiles.FileName(result.Value, string.IsNullOrWhiteSpace(section) ? "report" : section, format));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Manager},{Roles.Admin}" });
        return endpoints;
    }
}
