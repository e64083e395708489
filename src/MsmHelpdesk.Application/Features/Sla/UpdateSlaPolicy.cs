using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Sla;

/// <summary>Changes the targets of one priority. Running clocks keep the targets they started with until the ticket's priority changes.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record UpdateSlaPolicyCommand : ICommand<Result>
{
    public TicketPriority Priority { get; set; }

    /// <summary>Business hours, e.g. 1.5 for 90 minutes.</summary>
    public decimal FirstResponseHours { get; set; }

    public decimal ResolutionHours { get; set; }
}

public sealed class UpdateSlaPolicyValidator : AbstractValidator<UpdateSlaPolicyCommand>
{
    public const decimal MaxHours = 1000;

    public UpdateSlaPolicyValidator()
    {
        RuleFor(c => c.Priority).IsInEnum();
        RuleFor(c => c.FirstResponseHours).Must(InRange).WithMessage(_ => AppText.SlaHoursRange(MaxHours));
        RuleFor(c => c.ResolutionHours).Cascade(CascadeMode.Stop)
            .Must(InRange).WithMessage(_ => AppText.SlaHoursRange(MaxHours))
            .Must((c, hours) => hours >= c.FirstResponseHours).WithMessage(_ => AppText.SlaResolutionBeforeResponse);
    }

    private static bool InRange(decimal hours) => hours * 60 >= 1 && hours <= MaxHours;
}

public sealed class UpdateSlaPolicyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, SlaRulesCache rulesCache)
    : ICommandHandler<UpdateSlaPolicyCommand, Result>
{
    public async ValueTask<Result> Handle(UpdateSlaPolicyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var firstResponse = (int)Math.Round(command.FirstResponseHours * 60);
        var resolution = (int)Math.Round(command.ResolutionHours * 60);
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Priority == command.Priority, cancellationToken);
        var before = policy?.Target ?? SlaRules.DefaultTargets[command.Priority];
        if (policy is null)
        {
            db.SlaPolicies.Add(SlaPolicy.Create(command.Priority, firstResponse, resolution, actor, now));
        }
        else
        {
            policy.Change(firstResponse, resolution, actor, now);
        }

        db.SlaSettingsChanges.Add(SlaSettingsChange.Record(actor, now, string.Create(CultureInfo.InvariantCulture,
            $"policy {command.Priority}: first response {before.FirstResponse.TotalMinutes} → {firstResponse} min, resolution {before.Resolution.TotalMinutes} → {resolution} min")));
        await db.SaveChangesAsync(cancellationToken);
        rulesCache.Invalidate();
        return Result.Success();
    }
}
