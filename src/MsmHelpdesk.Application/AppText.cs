using System.Globalization;
using System.Resources;

namespace MsmHelpdesk.Application;

/// <summary>User-facing messages of the application layer, in the current UI culture (Indonesian by default).</summary>
public static class AppText
{
    private static readonly ResourceManager Resources = new("MsmHelpdesk.Application.Resources.AppText", typeof(AppText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    private static string Format(string key, object arg) => string.Format(CultureInfo.CurrentCulture, Get(key), arg);

    public static string ValidationFailed => Get(nameof(ValidationFailed));
    public static string Forbidden => Get(nameof(Forbidden));
    public static string SignInRequired => Get(nameof(SignInRequired));
    public static string UnexpectedError => Get(nameof(UnexpectedError));
    public static string Required => Get(nameof(Required));
    public static string EmailInvalid => Get(nameof(EmailInvalid));
    public static string MaxLength(object arg) => Format(nameof(MaxLength), arg);
    public static string PasswordTooShort(object arg) => Format(nameof(PasswordTooShort), arg);
    public static string PasswordNeedsDigit => Get(nameof(PasswordNeedsDigit));
    public static string PasswordNeedsLower => Get(nameof(PasswordNeedsLower));
    public static string PasswordNeedsUpper => Get(nameof(PasswordNeedsUpper));
    public static string PasswordRejected => Get(nameof(PasswordRejected));
    public static string PasswordMismatch => Get(nameof(PasswordMismatch));
    public static string RoleRequired => Get(nameof(RoleRequired));
    public static string RoleUnknown(object arg) => Format(nameof(RoleUnknown), arg);
    public static string SetupClosed => Get(nameof(SetupClosed));
    public static string EmailTaken => Get(nameof(EmailTaken));
    public static string SignInFailed => Get(nameof(SignInFailed));
    public static string SignInLockedOut(object arg) => Format(nameof(SignInLockedOut), arg);
    public static string SignInInactive => Get(nameof(SignInInactive));
    public static string UserNotFound => Get(nameof(UserNotFound));
    public static string LastAdminRequired => Get(nameof(LastAdminRequired));
    public static string CannotDeactivateSelf => Get(nameof(CannotDeactivateSelf));
    public static string PageOutOfRange(object arg) => Format(nameof(PageOutOfRange), arg);
}
