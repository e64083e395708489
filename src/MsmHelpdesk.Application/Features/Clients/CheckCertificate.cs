using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Certificates;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>
/// Opens a client's .p12 with its passphrase, in memory, and keeps only the outcome on the client:
/// corrupt, wrong passphrase, expired, valid, or the NPWP of another taxpayer.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record CheckCertificateCommand : ICommand<Result<CertificateCheckView>>
{
    /// <summary>A DJP .p12 is a few kilobytes; anything near this is not one.</summary>
    public const int MaxBytes = 100 * 1024;

    public const int PassphraseMaxLength = 256;

    public Guid ClientId { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    [Verbatim]
    public string Passphrase { get; set; } = "";

    /// <summary>Wherever the command is printed, it shows neither the passphrase nor the file.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{nameof(CheckCertificateCommand)} {{ ClientId = {ClientId}, FileName = {FileName}, Content = {Content.Length} bytes, Passphrase = *** }}");
}

public sealed class CheckCertificateValidator : AbstractValidator<CheckCertificateCommand>
{
    public CheckCertificateValidator()
    {
        RuleFor(command => command.FileName).MaximumLength(FieldLimits.FileNameMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.FileNameMaxLength));
        RuleFor(command => command.Content).Cascade(CascadeMode.Stop)
            .Must(content => content is { Length: > 0 }).WithMessage(_ => AppText.CertificateFileRequired)
            .Must(content => content.Length <= CheckCertificateCommand.MaxBytes).WithMessage(_ => AppText.CertificateFileTooLarge(CheckCertificateCommand.MaxBytes / 1024));
        RuleFor(command => command.Passphrase).Cascade(CascadeMode.Stop)
            .Must(passphrase => !string.IsNullOrEmpty(passphrase)).WithMessage(_ => AppText.Required)
            .Must(passphrase => passphrase.Length <= CheckCertificateCommand.PassphraseMaxLength).WithMessage(_ => AppText.MaxLength(CheckCertificateCommand.PassphraseMaxLength));
    }
}

public sealed class CheckCertificateHandler(IAppDbContextFactory databases, ICertificateInspector inspector, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CheckCertificateCommand, Result<CertificateCheckView>>
{
    public async ValueTask<Result<CertificateCheckView>> Handle(CheckCertificateCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        var reading = inspector.Inspect(command.Content, command.Passphrase);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var check = CertificateCheck.Decide(reading, client.Npwp, actor, now);
        var datesUpdated = client.RecordCertificateCheck(check, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("client-changed", AppText.ClientChanged);
        }

        return CertificateCheckView.From(check, client.Npwp, datesUpdated);
    }
}

/// <summary>A certificate check as the consultant reads it, with its message in the user's language.</summary>
public sealed record CertificateCheckView(
    CertificateCheckOutcome Outcome,
    string Message,
    DateTimeOffset CheckedAt,
    string CheckedByName,
    DateOnly? NotBefore,
    DateOnly? NotAfter,
    string? SubjectNpwpFormatted,
    bool ClientDatesUpdated)
{
    public static CertificateCheckView From(CertificateCheck check, string clientNpwp, bool clientDatesUpdated = false)
    {
        var message = check.Outcome switch
        {
            CertificateCheckOutcome.Corrupt => AppText.CertificateCorrupt,
            CertificateCheckOutcome.WrongPassphrase => AppText.CertificateWrongPassphrase,
            CertificateCheckOutcome.Expired => AppText.CertificateExpired(Date(check.NotAfter)),
            CertificateCheckOutcome.Valid => AppText.CertificateValid(Date(check.NotAfter)),
            _ when check.SubjectNpwp is null => AppText.CertificateNpwpMissing(Npwp.Format(clientNpwp)),
            _ => AppText.CertificateNpwpMismatch(Npwp.Format(check.SubjectNpwp), Npwp.Format(clientNpwp)),
        };
        if (clientDatesUpdated)
        {
            message += " " + AppText.CertificateDatesUpdated;
        }

        return new(
            check.Outcome,
            message,
            check.CheckedAt,
            check.CheckedByName,
            check.NotBefore,
            check.NotAfter,
            check.SubjectNpwp is null ? null : Npwp.Format(check.SubjectNpwp),
            clientDatesUpdated);
    }

    private static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.CurrentCulture) ?? "–";
}
