using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Knowledge;

/// <summary>
/// Sets when a catalogue entry is valid (from / until, WIB days), which system shows it, and the regulation or
/// announcement behind it, as a new catalogue version with who, when and why. A rule change closes an entry by
/// giving it a last day; it is never deleted, so older tickets are still judged against it.
/// </summary>
[RequiresRole(Roles.Manager, Roles.Admin)]
public sealed record SetCatalogueEntryValidityCommand : ICommand<Result<int>>
{
    public const int SourceNumberMaxLength = 120;
    public const int SourceLinkMaxLength = 300;

    public string Code { get; set; } = "";

    public TaxSystem? System { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public string? SourceNumber { get; set; }

    public DateOnly? SourceDate { get; set; }

    public string? SourceLink { get; set; }

    public string Note { get; set; } = "";
}

public sealed class SetCatalogueEntryValidityValidator : AbstractValidator<SetCatalogueEntryValidityCommand>
{
    public SetCatalogueEntryValidityValidator()
    {
        RuleFor(c => c.Code).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required);
        RuleFor(c => c.ValidFrom).PlausibleDate();
        RuleFor(c => c.ValidUntil).PlausibleDate();
        RuleFor(c => c.ValidUntil).Must((c, until) => c.ValidFrom is null || until is null || until > c.ValidFrom)
            .WithMessage(_ => AppText.CatalogueValidUntilBeforeFrom);
        RuleFor(c => c.SourceNumber).OptionalText(SetCatalogueEntryValidityCommand.SourceNumberMaxLength);
        RuleFor(c => c.SourceNumber).Must(v => !string.IsNullOrWhiteSpace(v))
            .When(c => !string.IsNullOrWhiteSpace(c.SourceLink) || c.SourceDate is not null).WithMessage(_ => AppText.CatalogueSourceNumberRequired);
        RuleFor(c => c.SourceDate).PlausibleDate();
        RuleFor(c => c.SourceLink).MaximumLength(SetCatalogueEntryValidityCommand.SourceLinkMaxLength)
            .WithMessage(_ => AppText.MaxLength(SetCatalogueEntryValidityCommand.SourceLinkMaxLength))
            .Must(IsWebLink).When(c => !string.IsNullOrWhiteSpace(c.SourceLink)).WithMessage(_ => AppText.CatalogueSourceLinkInvalid);
        RuleFor(c => c.Note).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.NoteMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.NoteMaxLength));
    }

    public static bool IsWebLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
}

public sealed class SetCatalogueEntryValidityHandler(IKnowledgeStore knowledge, ICatalogueVersions versions, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetCatalogueEntryValidityCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SetCatalogueEntryValidityCommand command, CancellationToken cancellationToken)
    {
        var current = (await knowledge.CurrentAsync(cancellationToken)).Catalogue;
        var entry = current.Codes.FirstOrDefault(code => string.Equals(code.Code, command.Code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return Error.Validation(nameof(command.Code), AppText.CatalogueCodeNotFound);
        }

        var source = string.IsNullOrWhiteSpace(command.SourceNumber)
            ? null
            : new CatalogueSource(command.SourceNumber.Trim(), command.SourceDate, string.IsNullOrWhiteSpace(command.SourceLink) ? null : command.SourceLink.Trim());
        var edited = current with
        {
            Codes = current.Codes.Select(code => ReferenceEquals(code, entry)
                ? code with { System = command.System, ValidFrom = command.ValidFrom, ValidUntil = command.ValidUntil, Source = source }
                : code).ToArray(),
        };
        return await versions.AppendAsync(edited, await currentUser.GetActorAsync(cancellationToken), command.Note.Trim(), clock.GetUtcNow(), cancellationToken);
    }
}
