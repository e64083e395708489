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
/// Adds a credential to a signer (CredentialId empty) or changes one: a Kode Otorisasi, a DJP sertifikat
/// elektronik or one from a licensed provider, with its dates (never its passphrase). Audited.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SaveSignerCredentialCommand : ICommand<Result<Guid>>
{
    public Guid ClientId { get; set; }

    public Guid SignerId { get; set; }

    public Guid CredentialId { get; set; }

    public CredentialKind Kind { get; set; } = CredentialKind.KodeOtorisasi;

    public string? Provider { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class SaveSignerCredentialValidator : AbstractValidator<SaveSignerCredentialCommand>
{
    public SaveSignerCredentialValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => AppText.Required);
        RuleFor(c => c.Provider).Must(p => !string.IsNullOrWhiteSpace(p)).When(c => c.Kind == CredentialKind.SertifikatPsre)
            .WithMessage(_ => AppText.CredentialProviderRequired);
        RuleFor(c => c.Provider).OptionalText(SignerTexts.ProviderMaxLength);
        RuleFor(c => c.IssuedOn).PlausibleDate();
        RuleFor(c => c.ExpiresOn).NotNull().WithMessage(_ => AppText.Required).PlausibleDate();
        RuleFor(c => c.ExpiresOn).Must((c, expires) => c.IssuedOn is null || expires is null || expires > c.IssuedOn)
            .WithMessage(_ => AppText.CredentialExpiryBeforeIssue);
    }
}

public sealed class SaveSignerCredentialHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveSignerCredentialCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveSignerCredentialCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var signer = await db.ClientSigners.SingleOrDefaultAsync(s => s.Id == command.SignerId && s.ClientId == command.ClientId, cancellationToken);
        if (signer is null)
        {
            return Error.NotFound("signer-not-found", AppText.SignerNotFound);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var details = new CredentialDetails(command.Kind, command.Provider, command.IssuedOn, command.ExpiresOn!.Value);
        Guid id;
        if (command.CredentialId == Guid.Empty)
        {
            id = signer.AddCredential(details, now).Id;
            db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId,
                $"credential added for {signer.Name}: {SignerTexts.Describe(details)}"));
        }
        else
        {
            var existing = signer.Credentials.FirstOrDefault(c => c.Id == command.CredentialId);
            if (existing is null)
            {
                return Error.NotFound("credential-not-found", AppText.CredentialNotFound);
            }

            var before = SignerTexts.Describe(new CredentialDetails(existing.Kind, existing.Provider, existing.IssuedOn, existing.ExpiresOn));
            signer.UpdateCredential(existing.Id, details, now);
            id = existing.Id;
            db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId,
                $"credential changed for {signer.Name}: {before} → {SignerTexts.Describe(details)}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
