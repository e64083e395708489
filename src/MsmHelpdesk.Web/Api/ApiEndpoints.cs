using Mediator;
using Microsoft.AspNetCore.Mvc;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Web.Api;

/// <summary>
/// /api/v1 for integrations. Each endpoint only translates JSON to a message and a result to HTTP: the
/// same commands and queries as the screens, so the same rules, roles and timeline.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    private static readonly Dictionary<string, string> TicketFieldNames = new(StringComparer.Ordinal)
    {
        [nameof(CreateTicketCommand.ClientId)] = "clientNpwp",
        [nameof(ListTicketsQuery.Statuses)] = "status",
    };

    public static IEndpointRouteBuilder MapHelpdeskApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(ApiServices.PolicyName)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/clients", CreateClientAsync)
            .WithName("CreateClient").WithTags("Clients").WithSummary("Registers a client (PKP) by name and NPWP.")
            .AcceptsJson<CreateClientRequest>()
            .WithBodyLimit(BodyLimits.Client)
            .Produces<ClientResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapGet("/clients/{id:guid}", GetClientAsync)
            .WithName("GetClient").WithTags("Clients")
            .Produces<ClientResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/tickets", CreateTicketAsync)
            .WithName("CreateTicket").WithTags("Tickets").WithSummary("Logs a client's e-Faktur error as a new ticket.")
            .AcceptsJson<CreateTicketRequest>()
            .AcceptsIdempotencyKey()
            .Produces<TicketResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/classify", ClassifyAsync)
            .WithName("Classify").WithTags("Classification").WithSummary("Classifies an error text (scenario, cause, evidence) without creating a ticket.")
            .AcceptsJson<ClassifyRequest>()
            .WithBodyLimit(BodyLimits.Classify)
            .Produces<ClassificationResponse>()
            .ProducesValidationProblem();
        api.MapGet("/tickets", ListTicketsAsync)
            .WithName("ListTickets").WithTags("Tickets").WithSummary("Searches tickets, newest first, a page at a time.")
            .Produces<TicketPageResponse>()
            .ProducesValidationProblem()
            .WithMetadata(new IntegerQueryParameters("page", "pageSize"));
        api.MapGet("/tickets/{number}", GetTicketAsync)
            .WithName("GetTicket").WithTags("Tickets")
            .Produces<TicketResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tickets/{number}/notes", AddNoteAsync)
            .WithName("AddTicketNote").WithTags("Tickets").WithSummary("Adds an internal note to the ticket's timeline.")
            .AcceptsJson<AddNoteRequest>()
            .WithBodyLimit(BodyLimits.Text)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/tickets/{number}/messages", AddClientMessageAsync)
            .WithName("AddClientMessage").WithTags("Tickets")
            .WithSummary("Records a message from the client: a ticket waiting on the client goes back to InProgress, one closed for lack of reply reopens.")
            .AcceptsJson<ClientMessageRequest>()
            .AcceptsIdempotencyKey()
            .WithBodyLimit(BodyLimits.Text)
            .Produces<ClientMessageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Anything else under /api answers JSON too, rather than the helpdesk's HTML "not found" page.
        api.Map("/{**path}", () => ApiResults.Problem(StatusCodes.Status404NotFound, AppText.ApiNotFound, "not-found"))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Documents the JSON body without Accepts(), whose content-type filter would turn a request that forgot
    /// its Content-Type header into an empty 415: the body is read as JSON whatever the header says.
    /// </summary>
    private static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new JsonBody(typeof(TBody)));

    /// <summary>Documents the optional Idempotency-Key header the endpoint reads itself (see <see cref="IdempotentAnswers"/>).</summary>
    private static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new IdempotencyKeyHeader());

    private static async Task<IResult> CreateClientAsync(HttpRequest request, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiResults.ReadJsonAsync<CreateClientRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var created = await sender.Send(new CreateClientCommand { Name = body!.Name ?? "", Npwp = body.Npwp ?? "", Kpp = body.Kpp }, cancellationToken);
        if (!created.IsSuccess)
        {
            return ApiResults.From(created.Error);
        }

        var client = await sender.Send(new GetClientQuery(created.Value), cancellationToken);
        return client.IsSuccess
            ? Results.Created($"{Prefix}/clients/{created.Value}", ClientResponse.From(client.Value))
            : ApiResults.From(client.Error);
    }

    private static async Task<IResult> GetClientAsync(Guid id, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var client = await sender.Send(new GetClientQuery(id), cancellationToken);
        return client.IsSuccess ? Results.Ok(ClientResponse.From(client.Value)) : ApiResults.From(client.Error);
    }

    private static async Task<IResult> CreateTicketAsync(HttpRequest request, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var (claim, keyProblem) = await IdempotentAnswers.ClaimAsync(request, cancellationToken);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        if (claim is not null && await IdempotentAnswers.ReplayAsync(sender, request.HttpContext, claim, earlier => CreatedAnswerAsync(sender, earlier.ResourceId, cancellationToken), cancellationToken) is { } replay)
        {
            return replay;
        }

        var (body, problem) = await ApiResults.ReadJsonAsync<CreateTicketRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var created = await sender.Send(new CreateTicketCommand
        {
            ClientNpwp = body!.ClientNpwp,
            ErrorText = body.ErrorText ?? "",
            Description = body.Description,
            Activity = body.Activity,
            Channel = body.Channel ?? TicketChannel.Api,
            Idempotency = claim,
        }, cancellationToken);
        if (!created.IsSuccess)
        {
            // Lost a race to a request with the same key: answer as that one did.
            return claim is not null && IdempotentAnswers.IsKeyRefusal(created.Error)
                ? await IdempotentAnswers.ReplayAsync(sender, request.HttpContext, claim, earlier => CreatedAnswerAsync(sender, earlier.ResourceId, cancellationToken), cancellationToken)
                    ?? IdempotentAnswers.Reused()
                : ApiResults.From(created.Error, TicketFieldNames);
        }

        // The handler hands back the ticket it wrote, as the query would read it: nothing is read back.
        var view = created.Value.View!;
        var sla = created.Value.Sla;
        object answer = TicketResponse.From(view) with { Sla = sla is null ? null : SlaResponse.From(sla) };
        var location = $"{Prefix}/tickets/{created.Value.Number}";
        return claim is null
            ? Results.Created(location, answer)
            : await IdempotentAnswers.AnswerAsync(sender, request.HttpContext, claim, StatusCodes.Status201Created, answer, location, cancellationToken);
    }

    /// <summary>The 201 of a created ticket, built from the ticket as it is now (for a replay whose first answer was lost).</summary>
    private static async Task<(int Status, object? Body, string? Location)?> CreatedAnswerAsync(ISender sender, Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await sender.Send(new GetTicketQuery { TicketId = ticketId }, cancellationToken);
        return ticket.IsSuccess
            ? (StatusCodes.Status201Created, await WithSlaAsync(sender, ticket.Value, cancellationToken), $"{Prefix}/tickets/{ticket.Value.Number}")
            : null;
    }

    private static async Task<IResult> ClassifyAsync(HttpRequest request, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiResults.ReadJsonAsync<ClassifyRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Text))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [MsmHelpdesk.Application.AppText.Required] });
        }

        Guid? clientId = null;
        if (!string.IsNullOrWhiteSpace(body.ClientNpwp))
        {
            var clients = await sender.Send(new MsmHelpdesk.Application.Features.Clients.ListClientsQuery { Search = body.ClientNpwp, PageSize = 2 }, cancellationToken);
            clientId = clients.IsSuccess && clients.Value.Items.Count == 1 ? clients.Value.Items[0].Id : null;
        }

        var result = await sender.Send(new MsmHelpdesk.Application.Features.Diagnosis.DiagnoseTextQuery
        {
            ClientId = clientId,
            ErrorText = body.Text,
            Description = body.Description,
            Activity = body.Activity,
            ReportedAt = body.ReportedAt,
        }, cancellationToken);
        return result.IsSuccess ? Results.Ok(ClassificationResponse.From(result.Value)) : ApiResults.From(result.Error);
    }

    private static async Task<IResult> GetTicketAsync(string number, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var ticket = await sender.Send(new GetTicketQuery { Number = number }, cancellationToken);
        return ticket.IsSuccess ? Results.Ok(await WithSlaAsync(sender, ticket.Value, cancellationToken)) : ApiResults.From(ticket.Error);
    }

    private static async Task<TicketResponse> WithSlaAsync(ISender sender, TicketView ticket, CancellationToken cancellationToken)
    {
        var sla = await sender.Send(new MsmHelpdesk.Application.Features.Sla.GetTicketSlaQuery { TicketId = ticket.Id }, cancellationToken);
        return TicketResponse.From(ticket) with { Sla = sla.IsSuccess ? SlaResponse.From(sla.Value) : null };
    }

    /// <param name="search"></param>
    /// <param name="status">Repeat it or separate with commas: status=New,InProgress. Without it, tickets of every status.</param>
    /// <param name="page"></param>
    /// <param name="pageSize"></param>
    /// <param name="sender"></param>
    /// <param name="cancellationToken"></param>
    private static async Task<IResult> ListTicketsAsync(
        [FromQuery] string? search,
        [FromQuery] string[]? status,
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        [FromServices] ISender sender,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = new List<TicketStatus>();
        foreach (var name in (status ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<TicketStatus>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                errors["status"] = [AppText.ApiStatusUnknown(name, string.Join(", ", Enum.GetNames<TicketStatus>()))];
            }
        }

        var pageNumber = ParseNumber(page, 1, "page", errors);
        var size = ParseNumber(pageSize, 25, "pageSize", errors);
        if (errors.Count > 0)
        {
            return ApiResults.ValidationProblem(errors);
        }

        var tickets = await sender.Send(new ListTicketsQuery
        {
            Queue = TicketQueue.All,
            Statuses = statuses,
            Search = search,
            Page = pageNumber,
            PageSize = size,
        }, cancellationToken);
        return tickets.IsSuccess ? Results.Ok(TicketPageResponse.From(tickets.Value)) : ApiResults.From(tickets.Error, TicketFieldNames);
    }

    private static async Task<IResult> AddNoteAsync(string number, HttpRequest request, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiResults.ReadJsonAsync<AddNoteRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var ticket = await sender.Send(new GetTicketQuery { Number = number }, cancellationToken);
        if (!ticket.IsSuccess)
        {
            return ApiResults.From(ticket.Error);
        }

        var added = await sender.Send(new AddTicketNoteCommand { TicketId = ticket.Value.Id, Text = body!.Text ?? "" }, cancellationToken);
        return added.IsSuccess ? Results.NoContent() : ApiResults.From(added.Error);
    }

    private static int ParseNumber(string? text, int fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[field] = [AppText.ApiNumberExpected];
        return fallback;
    }

    private static async Task<IResult> AddClientMessageAsync(string number, HttpRequest request, [FromServices] ISender sender, CancellationToken cancellationToken)
    {
        var (claim, keyProblem) = await IdempotentAnswers.ClaimAsync(request, cancellationToken);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        if (claim is not null && await IdempotentAnswers.ReplayAsync(sender, request.HttpContext, claim, earlier => MessageAnswerAsync(sender, earlier.ResourceId, cancellationToken), cancellationToken) is { } replay)
        {
            return replay;
        }

        var (body, problem) = await ApiResults.ReadJsonAsync<ClientMessageRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var ticket = await sender.Send(new GetTicketQuery { Number = number }, cancellationToken);
        if (!ticket.IsSuccess)
        {
            return ApiResults.From(ticket.Error);
        }

        var recorded = await sender.Send(new RecordClientMessageCommand { TicketId = ticket.Value.Id, Text = body!.Text ?? "", Idempotency = claim }, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return claim is not null && IdempotentAnswers.IsKeyRefusal(recorded.Error)
                ? await IdempotentAnswers.ReplayAsync(sender, request.HttpContext, claim, earlier => MessageAnswerAsync(sender, earlier.ResourceId, cancellationToken), cancellationToken)
                    ?? IdempotentAnswers.Reused()
                : ApiResults.From(recorded.Error);
        }

        var answer = new ClientMessageResponse(ticket.Value.Number, recorded.Value);
        return claim is null
            ? Results.Ok(answer)
            : await IdempotentAnswers.AnswerAsync(sender, request.HttpContext, claim, StatusCodes.Status200OK, answer, null, cancellationToken);
    }

    /// <summary>The 200 of a recorded client message, rebuilt from the ticket's status now.</summary>
    private static async Task<(int Status, object? Body, string? Location)?> MessageAnswerAsync(ISender sender, Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await sender.Send(new GetTicketQuery { TicketId = ticketId }, cancellationToken);
        return ticket.IsSuccess ? (StatusCodes.Status200OK, new ClientMessageResponse(ticket.Value.Number, ticket.Value.Status), null) : null;
    }
}
