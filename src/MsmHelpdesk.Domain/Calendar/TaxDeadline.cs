using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Domain.Calendar;

/// <summary>The obligations a ticket can stand in the way of (DOMAIN-2026 §4.1).</summary>
public enum TaxFiling
{
    /// <summary>Monthly payments (PPh, PPN KMS, bea meterai): 15th of the following month, PMK 81/2024.</summary>
    Payment,

    /// <summary>e-Faktur upload and approval: 20th of the following month, PER-11/PJ/2025 Pasal 44.</summary>
    InvoiceUpload,

    /// <summary>SPT Masa PPN (and the PKP's own PPN payment before it): end of the following month.</summary>
    SptMasaPpn,

    /// <summary>SPT Tahunan, through Coretax from tax year 2025.</summary>
    SptTahunan,
}

/// <summary>
/// One deadline of the tax calendar, editable by Managers: monthly (<see cref="Month"/> null) on a day of the month,
/// or yearly on a day of <see cref="Month"/>. Day 31 means the month's last day. A due date on a weekend or holiday
/// moves to the next working day (PMK 81/2024 Pasal 100).
/// </summary>
public sealed class TaxDeadline
{
    public const int NameMaxLength = 120;
    public const int SourceMaxLength = 300;

    private TaxDeadline()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public TaxFiling Filing { get; private set; }

    /// <summary>1–12 for a yearly deadline (SPT Tahunan 31 March / 30 April); null for a monthly one.</summary>
    public int? Month { get; private set; }

    public int Day { get; private set; }

    /// <summary>The regulation or announcement behind the date, e.g. "PMK 81/2024 Pasal 94".</summary>
    public string? Source { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByName { get; private set; } = "";

    public static TaxDeadline Create(string name, TaxFiling filing, int? month, int day, string? source, string actorName, DateTimeOffset now)
    {
        var deadline = new TaxDeadline { Id = Guid.CreateVersion7(now) };
        deadline.Change(name, filing, month, day, source, actorName, now);
        return deadline;
    }

    public void Change(string name, TaxFiling filing, int? month, int day, string? source, string actorName, DateTimeOffset now)
    {
        Name = name.Trim();
        Filing = filing;
        Month = month;
        Day = day;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        UpdatedAt = now;
        UpdatedByName = actorName;
    }

    /// <summary>The first due date on or after <paramref name="from"/>, moved off weekends and holidays.</summary>
    public DateOnly NextDue(DateOnly from, BusinessCalendar calendar)
    {
        var candidate = Month is { } month ? YearlyOn(from.Year, month) : MonthlyOn(from.Year, from.Month);
        for (var step = 1; Shift(candidate, calendar) < from; step++)
        {
            candidate = Month is { } m ? YearlyOn(from.Year + step, m) : MonthlyOn(from.AddMonths(step).Year, from.AddMonths(step).Month);
        }

        return Shift(candidate, calendar);
    }

    public override string ToString() => $"{Name} ({Filing}, {(Month is { } m ? $"{Day}/{m}" : $"day {Day}")})";

    private DateOnly MonthlyOn(int year, int month) => new(year, month, Math.Min(Day, DateTime.DaysInMonth(year, month)));

    private DateOnly YearlyOn(int year, int month) => new(year, month, Math.Min(Day, DateTime.DaysInMonth(year, month)));

    private static DateOnly Shift(DateOnly day, BusinessCalendar calendar) => calendar.IsWorkingDay(day) ? day : calendar.NextWorkingDay(day);
}

/// <summary>
/// Which filings a ticket's problem blocks, by its scenario (decision 0172): invoice work blocks the invoice upload
/// and the SPT Masa PPN that reports those invoices; a return problem blocks the returns; an activation or access
/// problem blocks everything signed in Coretax. Payments use a billing code and are blocked by none of these.
/// </summary>
public static class FilingBlocks
{
    /// <summary>A ticket is urgent when a filing it blocks falls due within this many working days.</summary>
    public const int UrgentWithinWorkingDays = 3;

    public static IReadOnlyList<TaxFiling> Of(string? scenario) => scenario is null ? [] : Wire.ParseScenario(scenario) switch
    {
        Scenario.Upload or Scenario.Invoice or Scenario.CoretaxInvoice => [TaxFiling.InvoiceUpload, TaxFiling.SptMasaPpn],
        Scenario.Registration => [TaxFiling.InvoiceUpload],
        Scenario.CoretaxReturn => [TaxFiling.SptMasaPpn, TaxFiling.SptTahunan],
        Scenario.CoretaxActivation or Scenario.CoretaxAccess => [TaxFiling.InvoiceUpload, TaxFiling.SptMasaPpn, TaxFiling.SptTahunan],
        _ => [],
    };

    /// <summary>True when <paramref name="due"/> is today or no later than the third working day after today.</summary>
    public static bool IsWithinWorkingDays(DateOnly today, DateOnly due, BusinessCalendar calendar, int workingDays = UrgentWithinWorkingDays)
    {
        if (due < today)
        {
            return false;
        }

        var limit = today;
        for (var i = 0; i < workingDays; i++)
        {
            limit = calendar.NextWorkingDay(limit);
        }

        return due <= limit;
    }
}

/// <summary>The calendar MSM starts with (DOMAIN-2026 §4.1); Managers edit it from there.</summary>
public static class DefaultTaxCalendar
{
    public static IEnumerable<(string Name, TaxFiling Filing, int? Month, int Day, string Source)> Entries =>
    [
        ("Setor PPh dan PPN KMS/jasa luar negeri (tanggal 15)", TaxFiling.Payment, null, 15,
            "PMK 81/2024 Pasal 94 dan 100 — https://news.ddtc.co.id/berita/nasional/1812070/wp-tak-perlu-bingung-jatuh-tempo-bayar-pajak-kini-sudah-diseragamkan"),
        ("Upload dan approval e-Faktur (tanggal 20)", TaxFiling.InvoiceUpload, null, 20,
            "PER-11/PJ/2025 Pasal 44 (perlu dicek di teks PER) — https://mrbfinance.com/batas-waktu-upload-e-faktur-coretax-sesuai-per-11-pj-2025/"),
        ("Setor PPN dan lapor SPT Masa PPN (akhir bulan)", TaxFiling.SptMasaPpn, null, 31, "Belum terkonfirmasi sumber; validasi dengan MSM"),
        ("SPT Tahunan orang pribadi (31 Maret)", TaxFiling.SptTahunan, 3, 31, "Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa"),
        ("SPT Tahunan badan (30 April)", TaxFiling.SptTahunan, 4, 30, "Lewat Coretax sejak tahun pajak 2025 — https://news.ddtc.co.id/berita/nasional/1816265/buat-passphrase-kode-otorisasi-tapi-formatnya-tidak-valid-harus-apa"),
    ];
}
