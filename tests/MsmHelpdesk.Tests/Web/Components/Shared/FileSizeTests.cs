using System.Globalization;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Web.Components.Shared;

public sealed class FileSizeTests
{
    [Theory]
    [InlineData(0L, "id-ID", "0 B")]
    [InlineData(32L, "id-ID", "32 B")]
    [InlineData(1023L, "id-ID", "1.023 B")]
    [InlineData(1024L, "id-ID", "1,0 KB")]
    [InlineData(1536L, "id-ID", "1,5 KB")]
    [InlineData(1536L, "en-US", "1.5 KB")]
    [InlineData(5L * 1024 * 1024 + 512 * 1024, "id-ID", "5,5 MB")]
    [InlineData(5L * 1024 * 1024 + 512 * 1024, "en-US", "5.5 MB")]
    public void ShouldShowBytesUnderAKilobyteAndOneDecimalAbove(long bytes, string culture, string expected) =>
        Assert.Equal(expected, FileSize.Format(bytes, CultureInfo.GetCultureInfo(culture)));
}
