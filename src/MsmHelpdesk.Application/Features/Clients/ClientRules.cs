using FluentValidation;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>The fields a client form edits, validated the same way for create, update, import and the API.</summary>
public abstract record ClientForm
{
    public string Name { get; set; } = "";
    public string Npwp { get; set; } = "";
    public string? Nitku { get; set; }
    public string? Kpp { get; set; }
    public DateOnly? PkpSince { get; set; }
    public EFakturChannel Channel { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    public DateOnly? CertificateExpiresOn { get; set; }
    public DateOnly? CoretaxExpiresOn { get; set; }
    public string? PassphraseCustodian { get; set; }
    public List<OfficerInput> Officers { get; set; } = [];

    public ClientDetails ToDetails() => new(
        Name, ClientRules.DigitsOnly(Nitku), Kpp, PkpSince, Channel, CertificateIssuedOn, CertificateExpiresOn, CoretaxExpiresOn, PassphraseCustodian);
}

public sealed record OfficerInput
{
    public string Name { get; set; } = "";
    public string? Position { get; set; }
}

public static class ClientRules
{
    public static string NpwpMessage(NpwpProblem problem) => problem switch
    {
        NpwpProblem.Empty => AppText.Required,
        NpwpProblem.NotDigits => AppText.NpwpNotDigits,
        NpwpProblem.Length => AppText.NpwpLength,
        NpwpProblem.CheckDigit => AppText.NpwpCheckDigit,
        _ => AppText.NpwpInvalidNik,
    };

    public static IRuleBuilderOptionsConditions<T, string> ValidNpwp<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((value, context) =>
        {
            if (Npwp.Parse(value).Problem is { } problem)
            {
                context.AddFailure(NpwpMessage(problem));
            }
        });

    public static string? DigitsOnly(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new string(value.Where(char.IsAsciiDigit).ToArray());
}

public abstract class ClientFormValidator<T> : AbstractValidator<T>
    where T : ClientForm
{
    protected ClientFormValidator()
    {
        RuleFor(form => form.Name).RequiredText(FieldLimits.ClientNameMaxLength);
        RuleFor(form => form.Npwp).ValidNpwp();
        RuleFor(form => form.Nitku)
            .Must((form, nitku) => NitkuMatches(form.Npwp, nitku)).WithMessage(_ => AppText.NitkuInvalid);
        RuleFor(form => form.Kpp).OptionalText(FieldLimits.KppMaxLength);
        RuleFor(form => form.PassphraseCustodian)
            .MaximumLength(FieldLimits.PersonNameMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.PersonNameMaxLength))
            .Must(name => !SecretGuard.ContainsSecret(name) && !LooksLikeASecret(name)).WithMessage(_ => AppText.CustodianNotSecret);
        RuleFor(form => form.Channel).IsInEnum();
        RuleFor(form => form.PkpSince).PlausibleDate();
        RuleFor(form => form.CertificateIssuedOn).PlausibleDate();
        RuleFor(form => form.CoretaxExpiresOn).PlausibleDate();
        RuleFor(form => form.CertificateExpiresOn).PlausibleDate()
            .Must((form, expires) => expires is null || form.CertificateIssuedOn is null || expires > form.CertificateIssuedOn)
            .WithMessage(_ => AppText.DateOrder);
        RuleForEach(form => form.Officers).ChildRules(officer =>
        {
            officer.RuleFor(o => o.Name).RequiredText(FieldLimits.PersonNameMaxLength);
            officer.RuleFor(o => o.Position).OptionalText(FieldLimits.PositionMaxLength);
        });
    }

    private static bool NitkuMatches(string npwp, string? nitku)
    {
        var digits = ClientRules.DigitsOnly(nitku);
        if (digits is null)
        {
            return string.IsNullOrWhiteSpace(nitku);
        }

        var parsed = Npwp.Parse(npwp).Npwp;
        return digits.Length == 22 && (parsed is null || digits.StartsWith(parsed.Value, StringComparison.Ordinal));
    }

    /// <summary>A custodian is a person: a "name" with digits and no space is most likely the passphrase itself.</summary>
    private static bool LooksLikeASecret(string? name) =>
        !string.IsNullOrWhiteSpace(name) && !name.Trim().Contains(' ', StringComparison.Ordinal) && name.Any(char.IsDigit);
}
