using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Views;

/// <summary>Saves the list's current filters under a name, for the sender only. A name is unique per user.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SaveTicketViewCommand : ICommand<Result<Guid>>
{
    public string Name { get; set; } = "";
    public TicketViewFilters Filters { get; set; } = new();
}

public sealed class SaveTicketViewValidator : AbstractValidator<SaveTicketViewCommand>
{
    public SaveTicketViewValidator()
    {
        RuleFor(command => command.Name).RequiredText(SavedView.NameMaxLength);
        RuleFor(command => command.Filters).NotNull();
        RuleFor(command => command.Filters.Search).OptionalText(FieldLimits.SearchMaxLength);
        RuleFor(command => command.Filters.ErrorCode).MaximumLength(32).WithMessage(_ => AppText.MaxLength(32));
        RuleFor(command => command.Filters.To).Must((command, to) => to is null || command.Filters.From is null || to >= command.Filters.From)
            .WithMessage(_ => AppText.Get("ReportDateOrder"));
    }
}

public sealed class SaveTicketViewHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveTicketViewCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveTicketViewCommand command, CancellationToken cancellationToken)
    {
        var owner = (await currentUser.GetAsync(cancellationToken)).UserId!;
        var name = command.Name.Trim();
        await using var db = await databases.CreateAsync(cancellationToken);
        if (await db.SavedViews.AnyAsync(v => v.OwnerId == owner && v.Name == name, cancellationToken))
        {
            return Error.Validation(nameof(command.Name), DeskText.ViewNameTaken);
        }

        var view = SavedView.Create(owner, name, command.Filters.ToJson(), clock.GetUtcNow());
        db.SavedViews.Add(view);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same name saved from another tab between the check and the insert: the unique index refused it.
            return Error.Validation(nameof(command.Name), DeskText.ViewNameTaken);
        }

        return view.Id;
    }
}
