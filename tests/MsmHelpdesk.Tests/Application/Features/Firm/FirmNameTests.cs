using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Firm;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Firm;

public sealed class FirmNameTests
{
    private static readonly UserIdentity Manager = TestCurrentUser.With("manager-1", Roles.Manager);

    public FirmNameTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldUseTheConfiguredNameUntilAManagerSavesOneAndAuditTheChange()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Helpdesk:FirmName"] = "Kantor Konsultan Pajak Sejahtera",
            ["Helpdesk:FirmShortName"] = "KKPS",
        });

        var configured = await app.SendAsync(Manager, new GetFirmNameQuery());
        var saved = await app.SendAsync(Manager, new UpdateFirmNameCommand { Name = "  MSM Konsultan Pajak ", ShortName = "MSM" });
        var renamed = await app.SendAsync(Manager, new GetFirmNameQuery());
        var audit = await app.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Area == UpdateFirmNameHandler.AuditArea).ToListAsync());

        Assert.Equal(new FirmName("Kantor Konsultan Pajak Sejahtera", "KKPS"), configured.Value);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal(new FirmName("MSM Konsultan Pajak", "MSM"), renamed.Value);
        var entry = Assert.Single(audit);
        Assert.Equal("manager-1", entry.ActorId);
        Assert.Equal("firm name: Kantor Konsultan Pajak Sejahtera (KKPS) → MSM Konsultan Pajak (MSM)", entry.Description);
    }

    [Fact]
    public async Task ShouldTakeTheShortNameFromTheFirstWordWhenOnlyTheNameIsConfigured()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:FirmName"] = "MSM Konsultan" });

        var firm = await app.SendAsync(Manager, new GetFirmNameQuery());

        Assert.Equal(new FirmName("MSM Konsultan", "MSM"), firm.Value);
    }

    [Fact]
    public async Task ShouldRefuseAnEmptyOrLongNameAndAConsultant()
    {
        await using var app = await TestApp.StartAsync();

        var empty = await app.SendAsync(Manager, new UpdateFirmNameCommand { Name = " ", ShortName = "MSM" });
        var tooLong = await app.SendAsync(Manager, new UpdateFirmNameCommand { Name = "MSM", ShortName = new string('M', 13) });
        var consultant = await app.SendAsync(TestCurrentUser.With("budi", Roles.Consultant), new UpdateFirmNameCommand { Name = "X", ShortName = "X" });

        Assert.Equal(ErrorKind.Validation, empty.Error!.Kind);
        Assert.Contains(nameof(UpdateFirmNameCommand.Name), empty.Error.FieldErrors.Keys);
        Assert.Equal(ErrorKind.Validation, tooLong.Error!.Kind);
        Assert.Contains(nameof(UpdateFirmNameCommand.ShortName), tooLong.Error.FieldErrors.Keys);
        Assert.Equal(ErrorKind.Forbidden, consultant.Error!.Kind);
        Assert.Equal(0, await app.QueryDbAsync(db => db.FirmProfiles.CountAsync()));
    }
}
