using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Notifications;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Signers;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Certificates;

/// <summary>
/// Finds every legacy certificate, company Coretax date and signer's credential (Kode Otorisasi, sertifikat
/// elektronik from DJP or a PSrE) expiring within 60, 30 or 7 days (WIB calendar days) and handles each threshold
/// once, per credential: a signer's ticket names its holder: the first one crossed opens a proactive ticket, later
/// ones add a reminder to it (or open a new one when it was closed without renewal), and the consultants
/// hear about it. Everything is derived from the database; a threshold handled is a row with a unique
/// index, so re-runs, retries and concurrent runs do nothing twice. Sent daily by "certificate-expiry-scan".
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ScanCertificateExpiryCommand : ICommand<Result<CertificateScanOutcome>>;

public sealed record CertificateScanOutcome(int TicketsOpened, int RemindersAdded, int AlreadyHandled)
{
    public string Describe() =>
        $"certificate expiry: {TicketsOpened} proactive tickets opened, {RemindersAdded} reminders added, {AlreadyHandled} handled by another run";
}

public sealed class ScanCertificateExpiryValidator : AbstractValidator<ScanCertificateExpiryCommand>;

public sealed class ScanCertificateExpiryHandler(IAppDbContextFactory databases, INotifier notifier, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ScanCertificateExpiryCommand, Result<CertificateScanOutcome>>
{
    public const string NoticeKind = "certificate-expiring";
    public const string SuggestionVersion = "proactive-scan";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private sealed record Candidate(Guid ClientId, string ClientName, Credential Credential, DateOnly ExpiresOn)
    {
        public Guid SignerCredentialId { get; init; }

        /// <summary>For a signer's credential: "Kode Otorisasi DJP milik Budi Santoso (Pengurus)".</summary>
        public string? Holder { get; init; }

        public CredentialKind Kind { get; init; }

        public string? Provider { get; init; }
    }

    private sealed record Handled(Credential Credential, Guid SignerCredentialId, DateOnly ExpiresOn, int ThresholdDays, Guid TicketId);

    public async ValueTask<Result<CertificateScanOutcome>> Handle(ScanCertificateExpiryCommand command, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        int opened = 0, reminded = 0, raced = 0;
        SlaRules sla;
        await using (var db = await databases.CreateAsync(cancellationToken))
        {
            sla = await Sla.SlaSettingsStore.RulesAsync(db, cancellationToken);
        }

        foreach (var batch in (await CandidatesAsync(today, cancellationToken)).Chunk(200))
        {
            var clientIds = batch.Select(c => c.ClientId).Distinct().ToArray();
            Dictionary<Guid, List<Handled>> handled;
            await using (var db = await databases.CreateAsync(cancellationToken))
            {
                handled = (await db.CertificateReminders.AsNoTracking()
                        .Where(r => clientIds.Contains(r.ClientId) && r.ExpiresOn >= today)
                        .Select(r => new { r.ClientId, Handled = new Handled(r.Credential, r.SignerCredentialId, r.ExpiresOn, r.ThresholdDays, r.TicketId) })
                        .ToListAsync(cancellationToken))
                    .GroupBy(r => r.ClientId)
                    .ToDictionary(g => g.Key, g => g.Select(r => r.Handled).ToList());
            }

            foreach (var candidate in batch)
            {
                var done = handled.GetValueOrDefault(candidate.ClientId, [])
                    .Where(h => h.Credential == candidate.Credential && h.SignerCredentialId == candidate.SignerCredentialId && h.ExpiresOn == candidate.ExpiresOn)
                    .ToList();
                var daysLeft = candidate.ExpiresOn.DayNumber - today.DayNumber;
                var missing = CertificateReminder.Thresholds
                    .Where(threshold => daysLeft <= threshold && done.All(h => h.ThresholdDays != threshold))
                    .ToArray();
                if (missing.Length == 0)
                {
                    continue;
                }

                var outcome = await ActAsync(candidate, daysLeft, missing, done, actor, sla, cancellationToken);
                switch (outcome)
                {
                    case Action.Opened: opened++; break;
                    case Action.Reminded: reminded++; break;
                    default: raced++; break;
                }
            }
        }

        return new CertificateScanOutcome(opened, reminded, raced);
    }

    private enum Action { Opened, Reminded, Raced }

    /// <summary>Clients with a credential expiring today or within 60 days, with the exact date (legacy expiry = issue + 2 years unless entered).</summary>
    private async Task<List<Candidate>> CandidatesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(CertificateReminder.Thresholds.Max());
        // The computed expiry (issue + 2 years) is not compared in SQL: a window on the issue date one day wider
        // each side (29 February) picks the rows, and Client.ExpiryOf decides exactly.
        var issuedFrom = today.AddYears(-Client.CertificateValidityYears).AddDays(-1);
        var issuedTo = horizon.AddYears(-Client.CertificateValidityYears).AddDays(1);
        await using var db = await databases.CreateAsync(cancellationToken);
        var legacy = await db.Clients.AsNoTracking()
            .Where(c => (c.CertificateExpiresOnEntered != null && c.CertificateExpiresOnEntered >= today && c.CertificateExpiresOnEntered <= horizon)
                || (c.CertificateExpiresOnEntered == null && c.CertificateIssuedOn != null && c.CertificateIssuedOn >= issuedFrom && c.CertificateIssuedOn <= issuedTo))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.CertificateIssuedOn, c.CertificateExpiresOnEntered })
            .ToListAsync(cancellationToken);
        var coretax = await db.Clients.AsNoTracking()
            .Where(c => c.CoretaxExpiresOn != null && c.CoretaxExpiresOn >= today && c.CoretaxExpiresOn <= horizon)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.CoretaxExpiresOn })
            .ToListAsync(cancellationToken);
        // Owned credentials are read with their signer, then filtered here: few signers expire in any 60 days.
        var signerRows = await db.ClientSigners.AsNoTracking()
            .Where(s => s.Credentials.Any(c => c.ExpiresOn >= today && c.ExpiresOn <= horizon))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var clientIds = signerRows.Select(s => s.ClientId).Distinct().ToArray();
        var clientNames = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var signers = signerRows
            .SelectMany(s => s.Credentials.Where(c => c.ExpiresOn >= today && c.ExpiresOn <= horizon)
                .Select(c => new { Credential = new { s.ClientId, s.Name, s.Role, CredentialId = c.Id, c.Kind, c.Provider, c.ExpiresOn }, ClientName = clientNames[s.ClientId] }))
            .ToList();
        return legacy
            .Select(c => new Candidate(c.Id, c.Name, Credential.Legacy, Client.ExpiryOf(c.CertificateIssuedOn, c.CertificateExpiresOnEntered)!.Value))
            .Where(c => c.ExpiresOn >= today && c.ExpiresOn <= horizon)
            .Concat(coretax.Select(c => new Candidate(c.Id, c.Name, Credential.Coretax, c.CoretaxExpiresOn!.Value)))
            .Concat(signers.Select(s => new Candidate(s.Credential.ClientId, s.ClientName, Credential.Signer, s.Credential.ExpiresOn)
            {
                SignerCredentialId = s.Credential.CredentialId,
                Holder = AppText.SignerCredentialHolder(SignerTexts.Kind(s.Credential.Kind, s.Credential.Provider), s.Credential.Name, SignerTexts.Role(s.Credential.Role)),
                Kind = s.Credential.Kind,
                Provider = s.Credential.Provider,
            }))
            .ToList();
    }

    private async Task<Action> ActAsync(Candidate candidate, int daysLeft, int[] missing, List<Handled> done, Actor actor, SlaRules sla, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = missing.Min();
        await using var db = await databases.CreateAsync(cancellationToken);
        var previousTicketId = done.OrderBy(h => h.ThresholdDays).Select(h => (Guid?)h.TicketId).FirstOrDefault();
        var ticket = previousTicketId is { } id
            ? await db.Tickets.SingleOrDefaultAsync(t => t.Id == id && TicketWorkflow.Open.Contains(t.Status), cancellationToken)
            : null;
        var expiry = candidate.ExpiresOn.ToString("d MMM yyyy", Indonesian);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var action = ticket is null ? Action.Opened : Action.Reminded;
        if (ticket is null)
        {
            var consultant = await UsualConsultantAsync(db, candidate.ClientId, cancellationToken);
            var year = Wib.ToWib(now).Year;
            var number = TicketNumber.Format(year, await db.NextTicketSequenceAsync(year, cancellationToken));
            var errorText = candidate.Credential switch
            {
                Credential.Legacy => $"Sertifikat elektronik berakhir {expiry} — perpanjang di KPP",
                Credential.Coretax => $"Kode Otorisasi/sertifikat Coretax berakhir {expiry} — perpanjang mandiri di Coretax (tanpa ke KPP)",
                _ => AppText.SignerCredentialExpiringText(candidate.Holder!, expiry, candidate.Kind == CredentialKind.SertifikatPsre
                    ? AppText.SignerRenewalAtProvider(candidate.Provider ?? "PSrE")
                    : AppText.SignerRenewalSelfService),
            };
            var fields = new TicketFields(null, TicketChannel.Proactive, errorText,
                candidate.Credential switch
                {
                    Credential.Legacy => "perpanjangan sertifikat elektronik",
                    Credential.Coretax => "perpanjangan Kode Otorisasi Coretax",
                    _ => "perpanjangan " + SignerTexts.Kind(candidate.Kind, candidate.Provider),
                },
                null, candidate.Holder is { } holder
                    ? $"Tiket proaktif: {holder} berakhir dalam {daysLeft} hari ({expiry})."
                    : $"Tiket proaktif: {daysLeft} hari sebelum masa berlaku berakhir ({expiry}).",
                current switch { <= 7 => TicketPriority.Urgent, <= 30 => TicketPriority.High, _ => TicketPriority.Normal }, now);
            ticket = Ticket.Open(number, candidate.ClientId, fields, actor, now, sla);
            // Certificate renewal is scenario "other" (DOMAIN.md); the cause is known for certain.
            // A signer's credential is renewed in Coretax or at its provider: scenario coretax-activation (issue 14).
            ticket.RecordSuggestion(new TicketDiagnosis(candidate.Credential == Credential.Signer ? "coretax-activation" : "other", 1, "expired-certificate", 1, SuggestionVersion, null, now));
            if (consultant is not null)
            {
                ticket.AssignTo(consultant, actor, now);
            }

            db.Tickets.Add(ticket);
        }
        else
        {
            var what = candidate.Credential switch
            {
                Credential.Legacy => "Sertifikat elektronik",
                Credential.Coretax => "Kode Otorisasi/sertifikat Coretax",
                _ => candidate.Holder!,
            };
            ticket.AddReminder($"Pengingat {current} hari: {what} berakhir {expiry} (sisa {daysLeft} hari).", $"certificate-expiring:{current}", actor, now);
        }

        foreach (var threshold in missing)
        {
            db.CertificateReminders.Add(CertificateReminder.Record(candidate.ClientId, candidate.Credential, candidate.ExpiresOn, threshold, ticket.Id, threshold == current, now, candidate.SignerCredentialId));
        }

        // Recorded in the same transaction as the ticket or reminder: both happen, or neither does.
        var recipients = ticket.AssigneeId is { } assignee ? [assignee] : await notifier.ActiveUsersInRoleAsync(Roles.Consultant, cancellationToken);
        notifier.Stage(db, recipients, new Notice
        {
            Kind = NoticeKind,
            Key = candidate.Credential == Credential.Signer
                ? $"{NoticeKind}:{candidate.ClientId}:{candidate.SignerCredentialId}:{candidate.ExpiresOn:yyyy-MM-dd}:{current}"
                : $"{NoticeKind}:{candidate.ClientId}:{candidate.Credential}:{candidate.ExpiresOn:yyyy-MM-dd}:{current}",
            Title = candidate.Credential switch
            {
                Credential.Legacy => AppText.CertificateExpiringTitle(candidate.ClientName, daysLeft),
                Credential.Coretax => AppText.CoretaxExpiringTitle(candidate.ClientName, daysLeft),
                _ => AppText.SignerCredentialExpiringTitle(candidate.Holder!, candidate.ClientName, daysLeft),
            },
            Body = AppText.CertificateExpiringBody(ticket.Number, expiry),
            Link = $"/tickets/{ticket.Number}",
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run recorded this threshold first (unique index) or changed the ticket: it did the work.
            await transaction.RollbackAsync(cancellationToken);
            return Action.Raced;
        }

        return action;
    }

    /// <summary>The active consultant who handled the client's latest assigned ticket, or null (then every consultant hears of it).</summary>
    private static async Task<string?> UsualConsultantAsync(IAppDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var assignee = await db.Tickets.AsNoTracking()
            .Where(t => t.ClientId == clientId && t.AssigneeId != null)
            .OrderByDescending(t => t.ReportedAt)
            .Select(t => t.AssigneeId)
            .FirstOrDefaultAsync(cancellationToken);
        return assignee is not null && await db.Staff.AnyAsync(s => s.Id == assignee && s.IsActive, cancellationToken) ? assignee : null;
    }
}
