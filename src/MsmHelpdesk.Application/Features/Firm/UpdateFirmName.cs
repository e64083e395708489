using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Firm;

/// <summary>Renames the firm everywhere it is shown (WhatsApp texts, the logo); the change is audited.</summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record UpdateFirmNameCommand : ICommand<Result>
{
    public string Name { get; set; } = "";

    public string ShortName { get; set; } = "";
}

public sealed class UpdateFirmNameValidator : AbstractValidator<UpdateFirmNameCommand>
{
    public UpdateFirmNameValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => AppText.Required)
            .MaximumLength(FirmProfile.NameMaxLength).WithMessage(_ => AppText.MaxLength(FirmProfile.NameMaxLength));
        RuleFor(c => c.ShortName).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => AppText.Required)
            .MaximumLength(FirmProfile.ShortNameMaxLength).WithMessage(_ => AppText.MaxLength(FirmProfile.ShortNameMaxLength));
    }
}

public sealed class UpdateFirmNameHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock, FirmNameCache cache)
    : ICommandHandler<UpdateFirmNameCommand, Result>
{
    public const string AuditArea = "firm";

    public async ValueTask<Result> Handle(UpdateFirmNameCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var profile = await db.FirmProfiles.SingleOrDefaultAsync(cancellationToken);
        // The name before the change is the row just read (or the configured default): not the cache, which may be cold
        // (a second read) or stale (another process saved).
        var before = profile is null ? cache.Configured : new FirmName(profile.Name, profile.ShortName);
        if (profile is null)
        {
            profile = FirmProfile.Create(command.Name, command.ShortName, actor.Name, now);
            db.FirmProfiles.Add(profile);
        }
        else
        {
            profile.Change(command.Name, command.ShortName, actor.Name, now);
        }

        db.AuditEntries.Add(AuditEntry.Record(actor, now, AuditArea, null,
            $"firm name: {before.Name} ({before.ShortName}) → {profile.Name} ({profile.ShortName})"));
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return Result.Success();
    }
}
