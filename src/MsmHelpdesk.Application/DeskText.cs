using System.Globalization;

namespace MsmHelpdesk.Application;

/// <summary>Messages of bulk actions, saved views, incidents and merging (issue 15), in the current UI culture (keys in AppText.resx).</summary>
public static class DeskText
{
    private static string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, AppText.Get(key), args);

    public static string BulkNoTickets => AppText.Get(nameof(BulkNoTickets));
    public static string BulkTooMany(object max) => Format(nameof(BulkTooMany), max);
    public static string BulkTicketMissing => AppText.Get(nameof(BulkTicketMissing));
    public static string BulkTicketMerged(object number) => Format(nameof(BulkTicketMerged), number);
    public static string TicketNotOpen(object number) => Format(nameof(TicketNotOpen), number);
    public static string ViewNameTaken => AppText.Get(nameof(ViewNameTaken));
    public static string ViewNotFound => AppText.Get(nameof(ViewNotFound));
    public static string IncidentNotFound => AppText.Get(nameof(IncidentNotFound));
    public static string IncidentNotOpen => AppText.Get(nameof(IncidentNotOpen));
    public static string IncidentStartedInFuture => AppText.Get(nameof(IncidentStartedInFuture));
    public static string IncidentNoLinkedTickets => AppText.Get(nameof(IncidentNoLinkedTickets));
    public static string IncidentTicketNumberUnknown(object numbers) => Format(nameof(IncidentTicketNumberUnknown), numbers);
    public static string MergeSelf => AppText.Get(nameof(MergeSelf));
    public static string MergeAlreadyMerged(object number) => Format(nameof(MergeAlreadyMerged), number);
    public static string MergeOtherClient => AppText.Get(nameof(MergeOtherClient));
    public static string MergeOtherClientReasonRequired => AppText.Get(nameof(MergeOtherClientReasonRequired));
    public static string MergeOriginalNotFound => AppText.Get(nameof(MergeOriginalNotFound));
}
