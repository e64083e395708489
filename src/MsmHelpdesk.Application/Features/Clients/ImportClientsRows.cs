using System.Globalization;
using FluentValidation;
using MsmHelpdesk.Application.Common.Csv;
using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>The import's columns, as named in the header line (case-insensitive; spaces and dashes count as '_').</summary>
public static class ClientImportColumns
{
    public const string Name = "name";
    public const string Npwp = "npwp";
    public const string Nitku = "nitku";
    public const string Kpp = "kpp";
    public const string PkpSince = "pkp_since";
    public const string CertificateIssuedOn = "certificate_issued_on";
    public const string CertificateExpiresOn = "certificate_expires_on";
    public const string CoretaxExpiresOn = "coretax_expires_on";
    public const string ContactName = "contact_name";
    public const string ContactPhone = "contact_phone";
    public const string ContactEmail = "contact_email";

    private static readonly string[] InOrder =
        [Name, Npwp, Nitku, Kpp, PkpSince, CertificateIssuedOn, CertificateExpiresOn, CoretaxExpiresOn, ContactName, ContactPhone, ContactEmail];

    public static IReadOnlyList<string> All => InOrder;

    public static int Position(string column) => Array.IndexOf(InOrder, column);

    public static IReadOnlyList<string> Required { get; } = [Name, Npwp];

    public static string Normalize(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}

/// <summary>Where each known column sits in the file, and the header words nobody knows.</summary>
internal sealed record ImportHeader(IReadOnlyDictionary<string, int> Positions, int Width, IReadOnlyList<string> Unknown)
{
    /// <summary>The header's columns, or the message that refuses the whole file.</summary>
    public static (ImportHeader? Header, string? Refusal) Parse(CsvRecord record)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var raw = record.Fields[i].Trim();
            var name = ClientImportColumns.Normalize(raw);
            if (name.Length == 0)
            {
                continue;
            }

            if (!ClientImportColumns.All.Contains(name))
            {
                unknown.Add(raw);
            }
            else if (!positions.TryAdd(name, i))
            {
                return (null, AppText.ImportDuplicateColumn(name));
            }
        }

        var missing = ClientImportColumns.Required.Where(column => !positions.ContainsKey(column)).ToArray();
        return missing.Length > 0
            ? (null, AppText.ImportMissingColumns(string.Join(", ", missing)))
            : (new ImportHeader(positions, record.Fields.Count, unknown), null);
    }

    public string? Value(CsvRecord record, string column) =>
        Positions.TryGetValue(column, out var index) && index < record.Fields.Count && !string.IsNullOrWhiteSpace(record.Fields[index])
            ? record.Fields[index].Trim()
            : null;
}

/// <summary>A row that passed every check; null fields were left empty (or the column is absent) and keep what the client has.</summary>
internal sealed record ImportedClient(
    int Line,
    Npwp Npwp,
    string Name,
    string? Nitku,
    string? Kpp,
    DateOnly? PkpSince,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOn,
    DateOnly? CoretaxExpiresOn,
    ImportedContact? Contact);

internal sealed record ImportedContact(string Name, string? Phone, string? Email);

/// <summary>Checks one row with the client form's and the contact form's own validators, so messages match the screens.</summary>
internal static class ImportRowReader
{
    private static readonly ImportedClientFormValidator ClientValidator = new();
    private static readonly AddClientContactValidator ContactValidator = new();

    private static readonly Dictionary<string, string> ClientColumns = new(StringComparer.Ordinal)
    {
        [nameof(ClientForm.Name)] = ClientImportColumns.Name,
        [nameof(ClientForm.Npwp)] = ClientImportColumns.Npwp,
        [nameof(ClientForm.Nitku)] = ClientImportColumns.Nitku,
        [nameof(ClientForm.Kpp)] = ClientImportColumns.Kpp,
        [nameof(ClientForm.PkpSince)] = ClientImportColumns.PkpSince,
        [nameof(ClientForm.CertificateIssuedOn)] = ClientImportColumns.CertificateIssuedOn,
        [nameof(ClientForm.CertificateExpiresOn)] = ClientImportColumns.CertificateExpiresOn,
        [nameof(ClientForm.CoretaxExpiresOn)] = ClientImportColumns.CoretaxExpiresOn,
    };

    private static readonly Dictionary<string, string> ContactColumns = new(StringComparer.Ordinal)
    {
        [nameof(AddClientContactCommand.Name)] = ClientImportColumns.ContactName,
        [nameof(AddClientContactCommand.Phone)] = ClientImportColumns.ContactPhone,
        [nameof(AddClientContactCommand.Email)] = ClientImportColumns.ContactEmail,
    };

    /// <summary>The row's client, or the reason it cannot be imported ("column: message | column: message").</summary>
    public static (ImportedClient? Client, string? Reason) Read(CsvRecord record, ImportHeader header)
    {
        if (record.Problem is { } problem)
        {
            return (null, problem == CsvProblem.UnclosedQuote ? AppText.ImportUnclosedQuote : AppText.ImportTextAfterQuote);
        }

        // More values than columns means an unquoted separator shifted the row: importing it would misplace data.
        if (record.Fields.Count > header.Width)
        {
            return (null, AppText.ImportTooManyFields(record.Fields.Count, header.Width));
        }

        var reasons = new List<(string Column, string Message)>();
        DateOnly? Date(string column)
        {
            var text = header.Value(record, column);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            reasons.Add((column, AppText.ImportDateFormat(text)));
            return null;
        }

        var form = new ImportedClientForm
        {
            Name = header.Value(record, ClientImportColumns.Name) ?? "",
            Npwp = header.Value(record, ClientImportColumns.Npwp) ?? "",
            Nitku = header.Value(record, ClientImportColumns.Nitku),
            Kpp = header.Value(record, ClientImportColumns.Kpp),
            PkpSince = Date(ClientImportColumns.PkpSince),
            CertificateIssuedOn = Date(ClientImportColumns.CertificateIssuedOn),
            CertificateExpiresOn = Date(ClientImportColumns.CertificateExpiresOn),
            CoretaxExpiresOn = Date(ClientImportColumns.CoretaxExpiresOn),
        };
        AddFailures(reasons, ClientValidator.Validate(form), ClientColumns);

        var contact = new AddClientContactCommand
        {
            Name = header.Value(record, ClientImportColumns.ContactName) ?? "",
            Phone = header.Value(record, ClientImportColumns.ContactPhone),
            Email = header.Value(record, ClientImportColumns.ContactEmail),
        };
        var hasContact = contact.Name.Length > 0 || contact.Phone is not null || contact.Email is not null;
        if (hasContact)
        {
            AddFailures(reasons, ContactValidator.Validate(contact), ContactColumns);
        }

        if (reasons.Count > 0)
        {
            var inColumnOrder = reasons.OrderBy(reason => ClientImportColumns.Position(reason.Column));
            return (null, string.Join(" | ", inColumnOrder.Select(reason => $"{reason.Column}: {reason.Message}")));
        }

        var details = form.ToDetails();
        return (new ImportedClient(
            record.Line,
            Domain.Clients.Npwp.Parse(form.Npwp).Npwp!,
            details.Name.Trim(),
            details.Nitku,
            details.Kpp?.Trim(),
            form.PkpSince,
            form.CertificateIssuedOn,
            form.CertificateExpiresOn,
            form.CoretaxExpiresOn,
            hasContact ? new ImportedContact(contact.Name.Trim(), PhoneNumber.Normalize(contact.Phone), contact.Email) : null), null);
    }

    private static void AddFailures(List<(string Column, string Message)> reasons, FluentValidation.Results.ValidationResult result, Dictionary<string, string> columns)
    {
        foreach (var group in result.Errors.GroupBy(failure => failure.PropertyName, StringComparer.Ordinal))
        {
            var column = columns.TryGetValue(group.Key, out var name) ? name : group.Key;
            reasons.Add((column, string.Join(" ", group.Select(failure => failure.ErrorMessage).Distinct())));
        }
    }

    private sealed record ImportedClientForm : ClientForm;

    private sealed class ImportedClientFormValidator : ClientFormValidator<ImportedClientForm>;
}
