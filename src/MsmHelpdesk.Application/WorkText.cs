using System.Globalization;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application;

/// <summary>Messages of resolution steps and KPP visits, in the current UI culture (keys in AppText.resx).</summary>
public static class WorkText
{
    private static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, AppText.Get(key), args);

    public static string StepNotFound => AppText.Get(nameof(StepNotFound));
    public static string StepTicketNotOpen => AppText.Get(nameof(StepTicketNotOpen));
    public static string StepSkipReasonRequired => AppText.Get(nameof(StepSkipReasonRequired));
    public static string StepDoneByFact(StepFact fact) => Format(nameof(StepDoneByFact), AppText.Get($"StepFact{fact}"));
    public static string StepsOpenBlockResolve(object steps) => Format(nameof(StepsOpenBlockResolve), steps);
    public static string OverrideReasonRequired => AppText.Get(nameof(OverrideReasonRequired));
    public static string VisitNotFound => AppText.Get(nameof(VisitNotFound));
    public static string VisitOfficerNotPengurus(object name) => Format(nameof(VisitOfficerNotPengurus), name);
    public static string VisitClientHasNoOfficers => AppText.Get(nameof(VisitClientHasNoOfficers));
    public static string VisitTicketNotOpen => AppText.Get(nameof(VisitTicketNotOpen));
    public static string VisitKppRequired => AppText.Get(nameof(VisitKppRequired));
    public static string VisitInPast => AppText.Get(nameof(VisitInPast));

    public static string VisitOnClosedDay(object day) => Format(nameof(VisitOnClosedDay), day);
    public static string VisitNotScheduled => AppText.Get(nameof(VisitNotScheduled));
    public static string VisitReasonRequired => AppText.Get(nameof(VisitReasonRequired));
    public static string VisitIssuedOnRequired => AppText.Get(nameof(VisitIssuedOnRequired));
    public static string VisitIssuedInFuture => AppText.Get(nameof(VisitIssuedInFuture));
    public static string VisitSameTime => AppText.Get(nameof(VisitSameTime));
    public static string VisitOutcomeInvalid => AppText.Get(nameof(VisitOutcomeInvalid));
    public static string ReminderTitle(object ticket, object day) => Format(nameof(ReminderTitle), ticket, day);
    public static string ReminderBody(object when, object kpp, object client, object officer, object missing) => Format(nameof(ReminderBody), when, kpp, client, officer, missing);
    public static string ReminderNothingMissing => AppText.Get(nameof(ReminderNothingMissing));
    public static string RemindersSent(object count, object day) => Format(nameof(RemindersSent), count, day);

    /// <summary>A document of the renewal checklist in words.</summary>
    public static string Document(KppDocuments document) => AppText.Get($"Document{document}");

    /// <summary>The documents of <paramref name="documents"/>, in checklist order, joined for a sentence.</summary>
    public static string Documents(KppDocuments documents) =>
        string.Join(", ", Enum.GetValues<KppDocuments>().Where(d => d != KppDocuments.None && documents.HasFlag(d)).Select(Document));
}
