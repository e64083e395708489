using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Knowledge;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Knowledge;

public sealed class SetPlaybookStepsTests
{
    public SetPlaybookStepsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldSaveEditedStepsAsANewVersionThatSuggestionsThenShow()
    {
        await using var app = await TestApp.StartAsync();
        var maya = TestCurrentUser.With((await Seed.ConsultantAsync(app)).UserId!, Roles.Manager);

        var saved = await app.SendAsync(maya, new SetPlaybookStepsCommand
        {
            Code = "ETAX-40002",
            Cause = "expired-certificate",
            Steps = ["Cek tanggal kedaluwarsa di e-Faktur", "", "Jadwalkan kunjungan KPP dengan pengurus"],
            Note = "Langkah kantor kita",
        });
        var view = (await app.SendAsync(maya, new DiagnoseTextQuery { ErrorText = "ETAX-40002 upload, sertifikat sudah kadaluarsa" })).Value;

        Assert.Equal(2, saved.Value);
        Assert.Equal(["Cek tanggal kedaluwarsa di e-Faktur", "Jadwalkan kunjungan KPP dengan pengurus"], view.Playbook);
        Assert.StartsWith("catalogue-2/", view.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldRefuseEmptyStepsAnUnknownCauseAndAPassphrase()
    {
        await using var app = await TestApp.StartAsync();
        var admin = TestCurrentUser.Admin();

        var result = await app.SendAsync(admin, new SetPlaybookStepsCommand
        {
            Code = "ETAX-40002",
            Cause = "aliens",
            Steps = ["passphrase: Rahasia2024"],
            Note = "",
        });
        var empty = await app.SendAsync(admin, new SetPlaybookStepsCommand { Code = "ETAX-40002", Cause = "network", Steps = [" "], Note = "x" });

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.True(result.Error.FieldErrors.ContainsKey("Cause"));
        Assert.True(result.Error.FieldErrors.ContainsKey("Note"));
        Assert.Contains(result.Error.FieldErrors.Keys, key => key.StartsWith("Steps", StringComparison.Ordinal));
        Assert.Equal(["Wajib diisi."], empty.Error!.FieldErrors["Steps"]);
    }
}
