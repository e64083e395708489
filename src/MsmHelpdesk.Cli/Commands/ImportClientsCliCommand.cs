using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Features.Clients;

namespace MsmHelpdesk.Cli.Commands;

/// <summary>`msmhelpdesk import clients FILE.csv`: the same import as the client import page, through the same command.</summary>
public sealed class ImportClientsCliCommand : ICliCommand
{
    public string Verb => "import clients";

    public string Usage => """
        msmhelpdesk import clients FILE.csv
            Import clients from CSV (columns name, npwp, nitku, kpp, pkp_since, certificate_issued_on,
            certificate_expires_on, coretax_expires_on, contact_name, contact_phone, contact_email; dates yyyy-mm-dd).
            Good rows are imported; each bad row is printed as "line N: reason" on standard error. An NPWP already
            registered updates that client, so running the same file again creates no duplicates.
            Exit 0 when every row was imported, 1 when the file was refused or any row failed (the good rows are
            imported all the same).
        """;

    public async Task<int> RunAsync(CliContext context)
    {
        if (context.Arguments.Count != 1)
        {
            await context.Error.WriteLineAsync("usage: " + Usage.Split('\n')[0].Trim());
            return CliApp.Usage;
        }

        var path = context.Arguments[0];
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            await context.Error.WriteLineAsync($"error: file not found: {path}");
            return CliApp.Failed;
        }

        if (file.Length > ImportClientsCommand.MaxFileBytes)
        {
            await context.Error.WriteLineAsync($"error: {AppText.ImportFileTooLarge(ImportClientsCommand.MaxFileMegabytes)}");
            return CliApp.Failed;
        }

        var content = await File.ReadAllBytesAsync(path);
        await using var scope = context.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportClientsCommand { Content = content });
        if (!result.IsSuccess)
        {
            await CliApp.WriteErrorAsync(context.Error, result.Error, new Dictionary<string, string>
            {
                [nameof(ImportClientsCommand.Content)] = file.Name,
            });
            return CliApp.Failed;
        }

        var report = result.Value;
        foreach (var warning in report.Warnings)
        {
            await context.Error.WriteLineAsync($"warning: {warning}");
        }

        foreach (var problem in report.Problems)
        {
            await context.Error.WriteLineAsync($"line {problem.Line}: {problem.Reason}");
        }

        await context.Output.WriteLineAsync(
            $"{file.Name}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Failed} failed.");
        return report.Failed == 0 ? CliApp.Ok : CliApp.Failed;
    }
}
