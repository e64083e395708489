using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Caching;
using MsmHelpdesk.Application.Common.Persistence;

namespace MsmHelpdesk.Application.Features.Firm;

/// <summary>The firm's full name ("MSM Konsultan") and the logo's short name ("MSM").</summary>
public sealed record FirmName(string Name, string ShortName)
{
    /// <summary>The configured default; without one, the product's name, and a short name from the name's first word.</summary>
    public static FirmName Configured(string? name, string? shortName)
    {
        var full = string.IsNullOrWhiteSpace(name) ? "MsmHelpdesk" : name.Trim();
        return new FirmName(full, string.IsNullOrWhiteSpace(shortName) ? full.Split(' ')[0] : shortName.Trim());
    }
}

/// <summary>
/// The firm's name, read once and kept: every ticket page and the sign-in page show it, and it changes perhaps
/// once. <see cref="UpdateFirmNameHandler"/> invalidates it; decision 0162 says how other processes' edits arrive.
/// </summary>
public sealed class FirmNameCache(FirmName configured) : ReferenceDataCache<FirmName>
{
    public FirmName Configured { get; } = configured;

    public Task<FirmName> GetAsync(IAppDbContextFactory databases, CancellationToken cancellationToken) => GetAsync(async () =>
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var saved = await db.FirmProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return saved is null ? Configured : new FirmName(saved.Name, saved.ShortName);
    });
}
