using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Csv;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>
/// Imports clients from a CSV file (see <see cref="ClientImportColumns"/>). Good rows are saved, bad rows are
/// reported with their line and reason. The NPWP is the key: a row whose NPWP exists updates that client's
/// non-empty fields, so importing the same file twice changes nothing the second time.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record ImportClientsCommand : ICommand<Result<ClientImportReport>>
{
    public const int MaxFileMegabytes = 5;
    public const int MaxFileBytes = MaxFileMegabytes * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>The file as uploaded: UTF-8 (with or without BOM) or Windows-1252, ',' or ';' between fields.</summary>
    public byte[] Content { get; set; } = [];
}

public sealed record ClientImportReport(
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportRowProblem> Problems,
    IReadOnlyList<string> Warnings)
{
    public int Failed => Problems.Count;
}

/// <summary>A row that was not imported: the line it starts on and why, in the user's language.</summary>
public sealed record ImportRowProblem(int Line, string Reason);

public sealed class ImportClientsValidator : AbstractValidator<ImportClientsCommand>
{
    public ImportClientsValidator() =>
        RuleFor(command => command.Content).Cascade(CascadeMode.Stop)
            .Must(content => content is { Length: > 0 }).WithMessage(_ => AppText.ImportFileEmpty)
            .Must(content => content.Length <= ImportClientsCommand.MaxFileBytes)
            .WithMessage(_ => AppText.ImportFileTooLarge(ImportClientsCommand.MaxFileMegabytes));
}

public sealed class ImportClientsHandler(IAppDbContextFactory databases, TimeProvider clock)
    : ICommandHandler<ImportClientsCommand, Result<ClientImportReport>>
{
    /// <summary>Rows saved per transaction: small enough not to hold SQLite's single writer lock for long.</summary>
    private const int BatchSize = 500;

    public async ValueTask<Result<ClientImportReport>> Handle(ImportClientsCommand command, CancellationToken cancellationToken)
    {
        var text = CsvFile.Decode(command.Content);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse(AppText.ImportNotCsv);
        }

        var records = CsvFile.Read(text).Where(record => !record.IsBlank).ToList();
        if (records.Count == 0)
        {
            return Refuse(AppText.ImportFileEmpty);
        }

        var (header, refusal) = ImportHeader.Parse(records[0]);
        if (header is null)
        {
            return Refuse(refusal!);
        }

        if (records.Count - 1 > ImportClientsCommand.MaxRows)
        {
            return Refuse(AppText.ImportTooManyRows(ImportClientsCommand.MaxRows));
        }

        var warnings = new List<string>();
        if (header.Unknown.Count > 0)
        {
            warnings.Add(AppText.ImportUnknownColumns(string.Join(", ", header.Unknown)));
        }

        if (records.Count == 1)
        {
            warnings.Add(AppText.ImportNoRows);
        }

        var problems = new List<ImportRowProblem>();
        var rows = new List<ImportedClient>();
        var firstLineOfNpwp = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            var (row, reason) = ImportRowReader.Read(record, header);
            if (row is null)
            {
                problems.Add(new ImportRowProblem(record.Line, reason!));
            }
            else if (record.Fields.Any(SecretGuard.ContainsSecret))
            {
                // A passphrase in any other cell (a column we do not import, a note) refuses the row too.
                problems.Add(new ImportRowProblem(record.Line, AppText.ImportRowHoldsSecret));
            }
            else if (!firstLineOfNpwp.TryAdd(row.Npwp.Value, row.Line))
            {
                problems.Add(new ImportRowProblem(row.Line, $"{ClientImportColumns.Npwp}: {AppText.ImportDuplicateNpwp(firstLineOfNpwp[row.Npwp.Value])}"));
            }
            else
            {
                rows.Add(row);
            }
        }

        var tally = new Tally();
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await SaveBatchAsync(batch, tally, cancellationToken);
        }

        return new ClientImportReport(tally.Created, tally.Updated, tally.Unchanged, problems.OrderBy(problem => problem.Line).ToArray(), warnings);
    }

    private static Error Refuse(string message) => Error.Validation(nameof(ImportClientsCommand.Content), message);

    /// <summary>One transaction per batch: every row is checked before, so a row is saved whole or not at all.</summary>
    private async Task SaveBatchAsync(ImportedClient[] batch, Tally tally, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var npwps = batch.Select(row => row.Npwp.Value).ToArray();
        var clients = await db.Clients.Include(client => client.Contacts)
            .Where(client => npwps.Contains(client.Npwp))
            .ToDictionaryAsync(client => client.Npwp, StringComparer.Ordinal, cancellationToken);
        var contacts = await ContactDirectory.LoadAsync(db, batch, cancellationToken);
        var now = clock.GetUtcNow();
        var batchTally = new Tally();
        foreach (var row in batch)
        {
            if (clients.TryGetValue(row.Npwp.Value, out var client))
            {
                var changed = Update(client, row, now);
                changed |= Link(client, row.Contact, contacts, db, now);
                batchTally.Count(changed ? Outcome.Updated : Outcome.Unchanged);
            }
            else
            {
                client = Client.Register(row.Name, row.Npwp, now);
                client.Update(Merge(Details(client), row), now);
                Link(client, row.Contact, contacts, db, now);
                db.Clients.Add(client);
                clients[row.Npwp.Value] = client;
                batchTally.Count(Outcome.Created);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        tally.Add(batchTally);
    }

    private static bool Update(Client client, ImportedClient row, DateTimeOffset now)
    {
        var current = Details(client);
        var merged = Merge(current, row);
        if (merged == current)
        {
            return false;
        }

        client.Update(merged, now);
        return true;
    }

    private static ClientDetails Details(Client client) => new(
        client.Name, client.Nitku, client.Kpp, client.PkpSince, client.Channel, client.CertificateIssuedOn,
        client.CertificateExpiresOnEntered, client.CoretaxExpiresOn, client.PassphraseCustodian);

    /// <summary>Empty cells keep what the client has; a new issue date without an expiry drops the old certificate's expiry.</summary>
    private static ClientDetails Merge(ClientDetails current, ImportedClient row)
    {
        var issued = row.CertificateIssuedOn ?? current.CertificateIssuedOn;
        var renewed = row.CertificateIssuedOn is not null && row.CertificateIssuedOn != current.CertificateIssuedOn;
        return current with
        {
            Name = row.Name,
            Nitku = row.Nitku ?? current.Nitku,
            Kpp = row.Kpp ?? current.Kpp,
            PkpSince = row.PkpSince ?? current.PkpSince,
            CertificateIssuedOn = issued,
            CertificateExpiresOn = row.CertificateExpiresOn ?? (renewed ? null : current.CertificateExpiresOn),
            CoretaxExpiresOn = row.CoretaxExpiresOn ?? current.CoretaxExpiresOn,
        };
    }

    /// <summary>
    /// Links the row's contact, reusing a contact with the same phone or e-mail (as adding a contact on the
    /// client page does). A reused contact keeps its name; only a missing phone or e-mail is filled in.
    /// </summary>
    private static bool Link(Client client, ImportedContact? row, ContactDirectory contacts, IAppDbContext db, DateTimeOffset now)
    {
        if (row is null)
        {
            return false;
        }

        var changed = false;
        var contact = contacts.Find(row.Phone, row.Email);
        if (contact is null)
        {
            contact = Contact.Create(row.Name, row.Phone, row.Email, now);
            db.Contacts.Add(contact);
            contacts.Remember(contact);
            changed = true;
        }
        else if ((contact.Phone is null && row.Phone is not null && contacts.Find(row.Phone, null) is null)
            || (contact.Email is null && row.Email is not null && contacts.Find(null, row.Email) is null))
        {
            contact.Update(contact.Name, contact.Phone ?? row.Phone, contact.Email ?? row.Email);
            contacts.Remember(contact);
            changed = true;
        }

        if (client.Contacts.All(linked => linked.Id != contact.Id))
        {
            client.AddContact(contact, now);
            changed = true;
        }

        return changed;
    }

    private enum Outcome
    {
        Created,
        Updated,
        Unchanged,
    }

    private sealed class Tally
    {
        public int Created { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }

        public void Count(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Created: Created++; break;
                case Outcome.Updated: Updated++; break;
                default: Unchanged++; break;
            }
        }

        public void Add(Tally other)
        {
            Created += other.Created;
            Updated += other.Updated;
            Unchanged += other.Unchanged;
        }
    }

    /// <summary>The batch's contacts by phone and by e-mail: those in the database and those created by earlier rows.</summary>
    private sealed class ContactDirectory
    {
        private readonly Dictionary<string, Contact> _byPhone = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Contact> _byEmail = new(StringComparer.Ordinal);

        public static async Task<ContactDirectory> LoadAsync(IAppDbContext db, ImportedClient[] batch, CancellationToken cancellationToken)
        {
            var phones = batch.Select(row => row.Contact?.Phone).OfType<string>().Distinct().ToArray();
            var emails = batch.Select(row => row.Contact?.Email).OfType<string>().Distinct().ToArray();
            var directory = new ContactDirectory();
            if (phones.Length == 0 && emails.Length == 0)
            {
                return directory;
            }

            var found = await db.Contacts
                .Where(contact => (contact.Phone != null && phones.Contains(contact.Phone)) || (contact.Email != null && emails.Contains(contact.Email)))
                .OrderBy(contact => contact.Id)
                .ToListAsync(cancellationToken);
            foreach (var contact in found)
            {
                directory.Remember(contact);
            }

            return directory;
        }

        public Contact? Find(string? phone, string? email) =>
            phone is not null && _byPhone.TryGetValue(phone, out var byPhone) ? byPhone
            : email is not null && _byEmail.TryGetValue(email, out var byEmail) ? byEmail
            : null;

        public void Remember(Contact contact)
        {
            if (contact.Phone is not null)
            {
                _byPhone.TryAdd(contact.Phone, contact);
            }

            if (contact.Email is not null)
            {
                _byEmail.TryAdd(contact.Email, contact);
            }
        }
    }
}
