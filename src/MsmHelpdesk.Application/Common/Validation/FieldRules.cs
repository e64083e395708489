using FluentValidation;

namespace MsmHelpdesk.Application.Common.Validation;

/// <summary>Lengths shared by validators and the EF configuration, and the rules every form repeats.</summary>
public static class FieldLimits
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 100;
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;
    public const int MaxPageSize = 200;
    public const int ClientNameMaxLength = 200;
    public const int KppMaxLength = 100;
    public const int PersonNameMaxLength = 100;
    public const int PositionMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int ErrorTextMaxLength = 2000;
    public const int ActivityMaxLength = 500;
    public const int SystemVersionMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int NoteMaxLength = 4000;
    public const int FileNameMaxLength = 255;
    public const int ApiKeyNameMaxLength = 100;
    public const int SearchMaxLength = 200;
    public const int HolidayNameMaxLength = 150;
}

public static class FieldRules
{
    public static IRuleBuilderOptions<T, string> RequiredEmail<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.EmailMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.EmailMaxLength))
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage(_ => AppText.EmailInvalid);

    public static IRuleBuilderOptions<T, string> RequiredDisplayName<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => AppText.Required)
            .MaximumLength(FieldLimits.DisplayNameMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.DisplayNameMaxLength));

    /// <summary>Mirrors the Identity password options, so the user sees every rule next to the field before Identity is asked.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => AppText.Required)
            .MinimumLength(FieldLimits.PasswordMinLength).WithMessage(_ => AppText.PasswordTooShort(FieldLimits.PasswordMinLength))
            .MaximumLength(FieldLimits.PasswordMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.PasswordMaxLength))
            .Matches("[0-9]").WithMessage(_ => AppText.PasswordNeedsDigit)
            .Matches("[a-z]").WithMessage(_ => AppText.PasswordNeedsLower)
            .Matches("[A-Z]").WithMessage(_ => AppText.PasswordNeedsUpper);

    /// <summary>Free text must not carry a passphrase or password; the UI offers a one-click redaction.</summary>
    public static IRuleBuilderOptions<T, string?> NoSecret<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => !Domain.Tickets.SecretGuard.ContainsSecret(text)).WithMessage(_ => AppText.SecretInText);

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.MaximumLength(maxLength).WithMessage(_ => AppText.MaxLength(maxLength)).NoSecret();

    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilderInitial<T, string> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => AppText.Required)
            .MaximumLength(maxLength).WithMessage(_ => AppText.MaxLength(maxLength))
            .Must(text => !Domain.Tickets.SecretGuard.ContainsSecret(text)).WithMessage(_ => AppText.SecretInText);

    /// <summary>Dates a consultant types: between 1983 (the first PKP) and a few years ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(date => date is null || (date.Value.Year >= 1983 && date.Value.Year <= 2100)).WithMessage(_ => AppText.DateUnlikely);

    public static IRuleBuilderOptions<T, IReadOnlyCollection<string>> KnownRoles<T>(this IRuleBuilderInitial<T, IReadOnlyCollection<string>> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => AppText.RoleRequired)
            .Must(roles => roles.All(role => Domain.Users.Roles.IsKnown(role)))
            .WithMessage((_, roles) => AppText.RoleUnknown(string.Join(", ", roles.Where(role => !Domain.Users.Roles.IsKnown(role)))));
}
