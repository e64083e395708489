using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>
/// Adds a person who signs or acts for a client in Coretax (Id empty) or changes one: a pengurus, the Penanggung
/// Jawab, or a consultant with the Coretax roles granted to them. Audited.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SaveClientSignerCommand : ICommand<Result<Guid>>
{
    public Guid ClientId { get; set; }

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public SignerRole Role { get; set; } = SignerRole.Pengurus;

    /// <summary>The helpdesk user, for a consultant.</summary>
    public string? StaffId { get; set; }

    public string? CoretaxRoles { get; set; }
}

public sealed class SaveClientSignerValidator : AbstractValidator<SaveClientSignerCommand>
{
    public SaveClientSignerValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty().WithMessage(_ => AppText.Required);
        RuleFor(c => c.Name).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(c => c.Role).IsInEnum().WithMessage(_ => AppText.Required);
        RuleFor(c => c.CoretaxRoles).OptionalText(SignerTexts.CoretaxRolesMaxLength).NoSecret();
    }
}

public sealed class SaveClientSignerHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveClientSignerCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveClientSignerCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        if (!await db.Clients.AnyAsync(c => c.Id == command.ClientId, cancellationToken))
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        if (command.Role == SignerRole.Consultant && !string.IsNullOrWhiteSpace(command.StaffId)
            && !await db.Staff.AnyAsync(s => s.Id == command.StaffId, cancellationToken))
        {
            return Error.Validation(nameof(command.StaffId), AppText.SignerStaffUnknown);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var details = new SignerDetails(command.Name, command.Role, command.StaffId, command.CoretaxRoles);
        ClientSigner signer;
        if (command.Id == Guid.Empty)
        {
            signer = ClientSigner.Create(command.ClientId, details, now);
            db.ClientSigners.Add(signer);
            db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId, $"signer added: {SignerTexts.Describe(details)}"));
        }
        else
        {
            var found = await db.ClientSigners.SingleOrDefaultAsync(s => s.Id == command.Id && s.ClientId == command.ClientId, cancellationToken);
            if (found is null)
            {
                return Error.NotFound("signer-not-found", AppText.SignerNotFound);
            }

            var before = SignerTexts.Describe(new SignerDetails(found.Name, found.Role, found.StaffId, found.CoretaxRoles));
            found.Update(details, now);
            signer = found;
            db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId, $"signer changed: {before} → {SignerTexts.Describe(details)}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return signer.Id;
    }
}
