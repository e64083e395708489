using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>Adds a deadline to the tax calendar (Id empty) or changes one. Audited.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SaveTaxDeadlineCommand : ICommand<Result<Guid>>
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public TaxFiling Filing { get; set; } = TaxFiling.Payment;

    /// <summary>Null for a monthly deadline; 1–12 for a yearly one.</summary>
    public int? Month { get; set; }

    public int Day { get; set; } = 15;

    public string? Source { get; set; }
}

public sealed class SaveTaxDeadlineValidator : AbstractValidator<SaveTaxDeadlineCommand>
{
    public SaveTaxDeadlineValidator()
    {
        RuleFor(c => c.Name).RequiredText(TaxDeadline.NameMaxLength);
        RuleFor(c => c.Filing).IsInEnum().WithMessage(_ => AppText.Required);
        RuleFor(c => c.Month).InclusiveBetween(1, 12).When(c => c.Month is not null).WithMessage(_ => AppText.TaxDeadlineMonthInvalid);
        RuleFor(c => c.Day).InclusiveBetween(1, 31).WithMessage(_ => AppText.TaxDeadlineDayInvalid);
        RuleFor(c => c.Source).OptionalText(TaxDeadline.SourceMaxLength);
    }
}

public sealed class SaveTaxDeadlineHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, TaxDeadlinesCache deadlinesCache)
    : ICommandHandler<SaveTaxDeadlineCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveTaxDeadlineCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        TaxDeadline deadline;
        if (command.Id == Guid.Empty)
        {
            deadline = TaxDeadline.Create(command.Name, command.Filing, command.Month, command.Day, command.Source, actor.Name, now);
            db.TaxDeadlines.Add(deadline);
            db.AuditEntries.Add(AuditEntry.Record(actor, now, FilingDeadlines.AuditArea, null, $"deadline added: {deadline}"));
        }
        else
        {
            var found = await db.TaxDeadlines.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("deadline-not-found", AppText.TaxDeadlineNotFound);
            }

            var before = found.ToString();
            found.Change(command.Name, command.Filing, command.Month, command.Day, command.Source, actor.Name, now);
            deadline = found;
            db.AuditEntries.Add(AuditEntry.Record(actor, now, FilingDeadlines.AuditArea, null, $"deadline changed: {before} → {deadline}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        deadlinesCache.Invalidate();
        return deadline.Id;
    }
}
