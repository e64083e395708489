using System.Globalization;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Infrastructure.DemoData;

internal sealed record NewDemoClient(
    Guid Id,
    string Name,
    string Npwp,
    string? Nitku,
    string Kpp,
    DateOnly PkpSince,
    EFakturChannel Channel,
    DateOnly? CertificateIssuedOn,
    DateOnly? CertificateExpiresOnEntered,
    DateOnly? CoretaxExpiresOn,
    string? PassphraseCustodian,
    DateTimeOffset CreatedAt,
    (string Name, string Position)[] Officers);

internal sealed record NewDemoContact(Guid Id, string Name, string? Phone, string? Email);

/// <summary>Draws demo clients (unique NPWP and name, certificate dates, pengurus) and their contacts.</summary>
internal sealed class DemoClientGenerator
{
    private readonly DemoRandom _random;
    private readonly DateTimeOffset _start;
    private readonly DateOnly _today;
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);

    public DemoClientGenerator(DemoRandom random, DateTimeOffset now, TimeSpan history)
    {
        _random = random;
        _start = now - history;
        _today = DateOnly.FromDateTime(Wib.ToWib(now).DateTime);
    }

    public bool Chance(double probability) => _random.Chance(probability);

    public NewDemoClient NextClient(HashSet<string> takenNpwps, HashSet<string> takenNames)
    {
        var (kpp, kppCode) = _random.Pick(DemoCatalog.Kpps);
        string npwp;
        do
        {
            var first = string.Create(CultureInfo.InvariantCulture, $"0{_random.Next(1, 4)}{_random.Next(0, 1_000_000):D6}");
            var fifteen = first + Npwp.LuhnCheckDigit(first).ToString(CultureInfo.InvariantCulture) + kppCode + "000";
            npwp = Npwp.Parse(fifteen).Npwp!.Value;
        }
        while (!takenNpwps.Add(npwp));

        var name = CompanyName();
        for (var attempt = 0; !takenNames.Add(name); attempt++)
        {
            name = attempt < 20 ? CompanyName() : $"{CompanyName()} {_random.Pick(DemoCatalog.Cities)} {attempt}";
        }

        var issued = Chance(0.9) ? _today.AddDays(-_random.Next(0, 800)) : (DateOnly?)null;
        var expiresEntered = issued is { } date && Chance(0.1) ? date.AddYears(Client.CertificateValidityYears) : (DateOnly?)null;
        var coretax = Chance(0.7) ? _today.AddDays(_random.Next(-60, 700)) : (DateOnly?)null;
        var createdAt = _start - TimeSpan.FromDays(_random.Next(1, 400)) - TimeSpan.FromMinutes(_random.Next(0, 1440));
        var officers = new List<(string, string)> { (PersonName(), "Direktur Utama") };
        if (Chance(0.5))
        {
            officers.Add((PersonName(), _random.Pick(DemoCatalog.OfficerPositions[1..])));
        }

        return new NewDemoClient(
            _random.Guid7(createdAt),
            name,
            npwp,
            Chance(0.6) ? npwp + "000000" : null,
            kpp,
            new DateOnly(1995, 1, 1).AddDays(_random.Next(0, 10_500)),
            _random.Weighted(DemoCatalog.ClientChannels),
            issued,
            expiresEntered,
            coretax,
            Chance(0.5) ? $"{PersonName()} ({_random.Pick(["Direktur", "Manajer Keuangan", "Staf Pajak"])})" : null,
            createdAt,
            [.. officers]);
    }

    public NewDemoContact NextContact(string companyName)
    {
        var first = _random.Pick(DemoCatalog.FirstNames);
        var last = _random.Pick(DemoCatalog.LastNames);
        string? phone = null;
        if (Chance(0.9))
        {
            do
            {
                var local = string.Create(CultureInfo.InvariantCulture, $"0{_random.Pick(DemoCatalog.MobilePrefixes)}-{_random.Next(1000, 10_000)}-{_random.Next(1000, 100_000)}");
                phone = PhoneNumber.Normalize(local);
            }
            while (phone is null || !_phones.Add(phone));
        }

        string? email = null;
        if (phone is null || Chance(0.6))
        {
            var domain = Chance(0.6)
                ? string.Concat(companyName.Split(' ').Skip(1).Take(2)).ToLowerInvariant() + ".co.id"
                : _random.Pick(DemoCatalog.MailProviders);
            email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{_random.Next(1, 100)}@{domain}";
        }

        return new NewDemoContact(_random.Guid7(_start), $"{first} {last}", phone, email);
    }

    private string CompanyName()
    {
        var legal = _random.NextDouble() switch { < 0.82 => "PT", < 0.95 => "CV", _ => "UD" };
        var words = Chance(0.7)
            ? $"{_random.Pick(DemoCatalog.NameFirstWords)} {_random.Pick(DemoCatalog.NameSecondWords)} {_random.Pick(DemoCatalog.NameThirdWords)}"
            : $"{_random.Pick(DemoCatalog.NameFirstWords)} {_random.Pick(DemoCatalog.NameSecondWords)}";
        var suffix = legal == "PT" && Chance(0.03) ? " Tbk" : "";
        return $"{legal} {words}{suffix}";
    }

    private string PersonName() => $"{_random.Pick(DemoCatalog.FirstNames)} {_random.Pick(DemoCatalog.LastNames)}";
}
