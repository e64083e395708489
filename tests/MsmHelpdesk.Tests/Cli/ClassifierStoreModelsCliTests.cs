using MsmHelpdesk.Cli;

namespace MsmHelpdesk.Tests.Cli;

/// <summary>
/// The verb behind store-models.sh (decision 0193). Its training and file are checked by StoredModelsTests, which compares
/// the committed file with a fresh training; training here again would cost the suite another minute of CPU.
/// </summary>
public sealed class ClassifierStoreModelsCliTests
{
    [Fact]
    public async Task ShouldRefuseToTrainWithoutAnOutputFile()
    {
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["classifier", "store-models"], new StringReader(""), new StringWriter(), error);

        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains("msmhelpdesk classifier store-models --out FILE", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldListStoreModelsInTheHelp()
    {
        var output = new StringWriter();
        await CliApp.RunAsync(["help"], new StringReader(""), output, new StringWriter());

        Assert.Contains("classifier store-models", output.ToString(), StringComparison.Ordinal);
    }
}
