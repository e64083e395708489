using System.Text.RegularExpressions;
using System.Xml.Linq;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Web;

/// <summary>Every string on screen comes from resources, in both languages.</summary>
public sealed partial class LocalizationTests
{
    [Theory]
    [InlineData("src/MsmHelpdesk.Web/Resources/UiText")]
    [InlineData("src/MsmHelpdesk.Application/Resources/AppText")]
    public void ShouldTranslateEveryStringIntoEnglish(string resource)
    {
        var indonesian = Keys(resource + ".resx");
        var english = Keys(resource + ".en.resx");

        Assert.NotEmpty(indonesian);
        Assert.Equal(indonesian.Order(), english.Order());
    }

    [Fact]
    public void ShouldHaveAResourceForEveryKeyTheScreensUse()
    {
        var known = Keys("src/MsmHelpdesk.Web/Resources/UiText.resx");
        var razor = Directory.GetFiles(TestPaths.InRepository("src", "MsmHelpdesk.Web", "Components"), "*.razor", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToArray();
        var used = razor.SelectMany(text => UsedKey().Matches(text).Select(match => match.Groups[1].Value)).ToHashSet();
        var roleKeys = Roles.All.Select(role => $"Role.{role}")
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.TicketStatus>().Select(name => $"Status.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.TicketPriority>().Select(name => $"Priority.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.TicketChannel>().Select(name => $"Channel.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Clients.EFakturChannel>().Select(name => $"EFaktur.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Clients.CertificateState>().Select(name => $"CertState.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Application.Features.Tickets.TicketQueue>().Select(name => $"Queue.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.TimelineKind>().Select(name => $"Timeline.{name}")
                .Select(key => key.Replace("Timeline.AssigneeChanged", "Timeline.Assigned", StringComparison.Ordinal).Replace("Timeline.AttachmentAdded", "Timeline.Attachment", StringComparison.Ordinal)))
            .Concat(TicketFieldNames().Select(name => $"TicketField.{name}"))
            .Concat(Enum.GetValues<MsmHelpdesk.Domain.Classification.Scenario>().Select(value => $"Scenario.{MsmHelpdesk.Domain.Classification.Wire.Of(value)}"))
            .Concat(Enum.GetValues<MsmHelpdesk.Domain.Classification.Cause>().Select(value => $"Cause.{MsmHelpdesk.Domain.Classification.Wire.Of(value)}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Classification.EvidenceSource>().Select(name => $"Diagnosis.Source.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.TicketStepStatus>().Select(name => $"StepStatus.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.KppVisitOutcome>().Select(name => $"VisitOutcome.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.KppDocuments>().Where(name => name != "None").Select(name => $"VisitDoc.{name}"))
            .Concat(new[] { "AssigneeId", "DueOn", "Notes" }.Select(name => $"StepField.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.StepFact>().SelectMany(name => new[] { $"StepFact.{name}", $"StepFact.Go.{name}" }))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Tickets.ReplyChannel>().Select(name => $"Workspace.ReplySent.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Domain.Replies.CannedReplyChannel>().Select(name => $"Canned.Channel.{name}"))
            .Concat(Enum.GetNames<MsmHelpdesk.Web.Components.Pages.Tickets.ComposerTab>()
                .SelectMany(name => new[] { $"Workspace.Tab.{name}", $"Workspace.Label.{name}", $"Workspace.Send.{name}", $"Workspace.Hint.{name}" }));

        Assert.True(used.Count > 40, $"found only {used.Count} keys");
        Assert.Equal([], used.Concat(roleKeys).Where(key => !known.Contains(key)).ToArray());
    }

    [Fact]
    public void ShouldGiveMudBlazorsOwnTextsInIndonesianAndLeaveEnglishToMudBlazor()
    {
        var localizer = new MsmHelpdesk.Web.Resources.HelpdeskMudLocalizer();

        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("id-ID");
        var indonesian = localizer["MudDataGridPager_RowsPerPage"];
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        var english = localizer["MudDataGridPager_RowsPerPage"];

        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("id-ID");
        var pagerInfo = localizer["MudDataGridPager_InfoFormat", 1, 25, 140];

        Assert.Equal("Baris per halaman:", indonesian.Value);
        Assert.Equal("1-25 dari 140", pagerInfo.Value);
        Assert.True(english.ResourceNotFound);
    }

    [Fact]
    public void ShouldHaveAMessageForEveryApplicationText()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        var properties = typeof(MsmHelpdesk.Application.AppText).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        var statusNames = Enum.GetValues<MsmHelpdesk.Domain.Tickets.TicketStatus>().Select(MsmHelpdesk.Application.Common.Tickets.TicketStatusText.Of);

        Assert.True(properties.Length > 30);
        Assert.All(properties, property => Assert.NotEqual(property.Name, property.GetValue(null)));
        Assert.DoesNotContain(statusNames, name => name.StartsWith("Status", StringComparison.Ordinal));
    }

    private static IEnumerable<string> TicketFieldNames() =>
        MsmHelpdesk.Domain.Tickets.Ticket.Open("MSM-2026-000001", Guid.NewGuid(),
            new MsmHelpdesk.Domain.Tickets.TicketFields(null, default, "x", null, null, null, default, DateTimeOffset.UnixEpoch),
            new MsmHelpdesk.Domain.Tickets.Actor("a", "a"), DateTimeOffset.UnixEpoch, MsmHelpdesk.Domain.Sla.SlaRules.Default).Snapshot().Keys;

    private static HashSet<string> Keys(string path) =>
        XDocument.Load(TestPaths.InRepository(path.Split('/')))
            .Root!.Elements("data")
            .Select(data => data.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("L\\[\"([A-Za-z.]+)\"")]
    private static partial Regex UsedKey();
}
