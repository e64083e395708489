using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Tests.Domain.Clients;

public sealed class NpwpTests
{
    [Theory]
    [InlineData("01.234.567.4-901.000", "0012345674901000", "01.234.567.4-901.000")]
    [InlineData("012345674901000", "0012345674901000", "01.234.567.4-901.000")]
    [InlineData("0012345674901000", "0012345674901000", "01.234.567.4-901.000")]
    [InlineData(" 02.123.456.2-011.001 ", "0021234562011001", "02.123.456.2-011.001")]
    [InlineData("3171014509900001", "3171014509900001", "3171014509900001")]
    public void ShouldAcceptValidNumbersAndStoreTheSixteenDigitForm(string input, string stored, string shown)
    {
        var parsed = Npwp.Parse(input);

        Assert.Null(parsed.Problem);
        Assert.Equal(stored, parsed.Npwp!.Value);
        Assert.Equal(shown, parsed.Npwp.Formatted);
    }

    [Theory]
    [InlineData("", NpwpProblem.Empty)]
    [InlineData("01.234.567.4-901.00A", NpwpProblem.NotDigits)]
    [InlineData("01234567490100", NpwpProblem.Length)]
    [InlineData("01234567490100012", NpwpProblem.Length)]
    [InlineData("01.234.567.5-901.000", NpwpProblem.CheckDigit)]
    [InlineData("0012345675901000", NpwpProblem.CheckDigit)]
    [InlineData("9971014509900001", NpwpProblem.InvalidNik)]
    [InlineData("3171013209900001", NpwpProblem.InvalidNik)]
    [InlineData("3171014513900001", NpwpProblem.InvalidNik)]
    [InlineData("3171014509900000", NpwpProblem.InvalidNik)]
    public void ShouldSayWhatIsWrongWithAnInvalidNumber(string input, NpwpProblem problem)
    {
        var parsed = Npwp.Parse(input);

        Assert.Null(parsed.Npwp);
        Assert.Equal(problem, parsed.Problem);
    }

    [Fact]
    public void ShouldComputeTheLuhnCheckDigit() => Assert.Equal(4, Npwp.LuhnCheckDigit("01234567"));
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("6281234567890", "6281234567890")]
    [InlineData("(021) 5551234", "62215551234")]
    [InlineData("812345", null)]
    [InlineData("0812-3456-7890 ext", null)]
    [InlineData("", null)]
    public void ShouldNormaliseIndonesianNumbersForWhatsApp(string input, string? expected) =>
        Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Fact]
    public void ShouldBuildAClickToChatLinkWithTheMessageEncoded() =>
        Assert.Equal(
            "https://wa.me/6281234567890?text=Halo%20Bu%20Ani%2C%20tiket%20MSM-2026-000001%20%26%20%3Cscript%3E",
            PhoneNumber.WhatsAppLink("6281234567890", "Halo Bu Ani, tiket MSM-2026-000001 & <script>"));
}
