using Mediator;
using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Web.Endpoints;

public static class AttachmentEndpoints
{
    /// <summary>
    /// Downloads an attachment to a signed-in user (the fallback policy requires sign-in). Always served as a
    /// download, never inline, so an uploaded file can never run in the helpdesk's origin.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:guid}", async (Guid id, ISender sender, CancellationToken cancellationToken) =>
        {
            var result = await sender.Send(new GetAttachmentQuery(id), cancellationToken);
            if (!result.IsSuccess)
            {
                return Results.NotFound();
            }

            var download = result.Value;
            return Results.File(download.Content, download.ContentType, fileDownloadName: download.FileName);
        });
        return endpoints;
    }
}
