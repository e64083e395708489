using System.Globalization;
using System.Resources;

namespace MsmHelpdesk.Application;

/// <summary>User-facing messages of the application layer, in the current UI culture (Indonesian by default).</summary>
public static class AppText
{
    private static readonly ResourceManager Resources = new("MsmHelpdesk.Application.Resources.AppText", typeof(AppText).Assembly);

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    private static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

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
    public static string ApiKeyNotFound => Get(nameof(ApiKeyNotFound));
    public static string ApiKeyMissing => Get(nameof(ApiKeyMissing));
    public static string ApiKeyInvalid => Get(nameof(ApiKeyInvalid));
    public static string ApiBodyNotJson => Get(nameof(ApiBodyNotJson));
    public static string ApiBodyNotObject => Get(nameof(ApiBodyNotObject));
    public static string ApiValueInvalid => Get(nameof(ApiValueInvalid));
    public static string ApiNotFound => Get(nameof(ApiNotFound));
    public static string ApiStatusUnknown(object first, object second) => Format(nameof(ApiStatusUnknown), first, second);
    public static string ApiNumberExpected => Get(nameof(ApiNumberExpected));
    public static string PageOutOfRange(object arg) => Format(nameof(PageOutOfRange), arg);
    public static string NpwpNotDigits => Get(nameof(NpwpNotDigits));
    public static string NpwpLength => Get(nameof(NpwpLength));
    public static string NpwpCheckDigit => Get(nameof(NpwpCheckDigit));
    public static string NpwpInvalidNik => Get(nameof(NpwpInvalidNik));
    public static string NpwpTaken(object arg) => Format(nameof(NpwpTaken), arg);
    public static string NitkuInvalid => Get(nameof(NitkuInvalid));
    public static string DateOrder => Get(nameof(DateOrder));
    public static string DateUnlikely => Get(nameof(DateUnlikely));
    public static string SecretInText => Get(nameof(SecretInText));
    public static string CustodianNotSecret => Get(nameof(CustodianNotSecret));
    public static string PhoneInvalid => Get(nameof(PhoneInvalid));
    public static string ContactNeedsReach => Get(nameof(ContactNeedsReach));
    public static string ClientNotFound => Get(nameof(ClientNotFound));
    public static string ContactNotFound => Get(nameof(ContactNotFound));
    public static string ContactNotOfClient => Get(nameof(ContactNotOfClient));
    public static string TicketNotFound => Get(nameof(TicketNotFound));
    public static string TicketIllegalMove(object first, object second) => Format(nameof(TicketIllegalMove), first, second);
    public static string TicketResolutionRequired => Get(nameof(TicketResolutionRequired));
    public static string TicketChanged(object arg) => Format(nameof(TicketChanged), arg);
    public static string ClientChanged => Get(nameof(ClientChanged));
    public static string ReportedInFuture => Get(nameof(ReportedInFuture));
    public static string AssigneeInvalid => Get(nameof(AssigneeInvalid));
    public static string AttachmentTooLarge(object arg) => Format(nameof(AttachmentTooLarge), arg);
    public static string AttachmentTypeNotAllowed => Get(nameof(AttachmentTypeNotAllowed));
    public static string AttachmentEmpty => Get(nameof(AttachmentEmpty));
    public static string AttachmentNotFound => Get(nameof(AttachmentNotFound));
    public static string StatusNew => Get(nameof(StatusNew));
    public static string StatusTriaged => Get(nameof(StatusTriaged));
    public static string StatusInProgress => Get(nameof(StatusInProgress));
    public static string StatusWaitingOnClient => Get(nameof(StatusWaitingOnClient));
    public static string StatusWaitingOnKpp => Get(nameof(StatusWaitingOnKpp));
    public static string StatusResolved => Get(nameof(StatusResolved));
    public static string StatusClosed => Get(nameof(StatusClosed));
    public static string ImportFileEmpty => Get(nameof(ImportFileEmpty));
    public static string ImportFileTooLarge(object arg) => Format(nameof(ImportFileTooLarge), arg);
    public static string ImportNotCsv => Get(nameof(ImportNotCsv));
    public static string ImportTooManyRows(object arg) => Format(nameof(ImportTooManyRows), arg);
    public static string ImportMissingColumns(object arg) => Format(nameof(ImportMissingColumns), arg);
    public static string ImportDuplicateColumn(object arg) => Format(nameof(ImportDuplicateColumn), arg);
    public static string ImportUnknownColumns(object arg) => Format(nameof(ImportUnknownColumns), arg);
    public static string ImportNoRows => Get(nameof(ImportNoRows));
    public static string ImportDateFormat(object arg) => Format(nameof(ImportDateFormat), arg);
    public static string ImportTooManyFields(object first, object second) => Format(nameof(ImportTooManyFields), first, second);
    public static string ImportUnclosedQuote => Get(nameof(ImportUnclosedQuote));
    public static string ImportTextAfterQuote => Get(nameof(ImportTextAfterQuote));
    public static string ImportDuplicateNpwp(object arg) => Format(nameof(ImportDuplicateNpwp), arg);
}
