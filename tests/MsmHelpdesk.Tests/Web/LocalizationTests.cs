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
        var roleKeys = Roles.All.Select(role => $"Role.{role}");

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

    private static HashSet<string> Keys(string path) =>
        XDocument.Load(TestPaths.InRepository(path.Split('/')))
            .Root!.Elements("data")
            .Select(data => data.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("L\\[\"([A-Za-z.]+)\"")]
    private static partial Regex UsedKey();
}
