using FluentValidation;
using Mediator;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>Each architecture rule, given an input that breaks it, says so: the rules can fail.</summary>
public sealed class ArchitectureRuleSelfTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory();

    [Fact]
    public void ShouldFindAForbiddenProjectReachedThroughAnotherProject()
    {
        var cli = Project("Cli", "../Middle/Middle.csproj");
        Project("Middle", "..\\MsmHelpdesk.Web\\MsmHelpdesk.Web.csproj");
        Project("MsmHelpdesk.Web");

        Assert.Equal(["MsmHelpdesk.Web"], ArchitectureRules.ForbiddenProjects(cli, ["MsmHelpdesk.Web"]));
        Assert.Equal(["Middle", "MsmHelpdesk.Web"], ArchitectureRules.ReachableProjects(cli).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShouldFindACompiledReferenceToTheWebProject()
    {
        // The test assembly itself references Web (it tests its components).
        Assert.Equal(["MsmHelpdesk.Web"], ArchitectureRules.ForbiddenAssemblies(typeof(ArchitectureRuleSelfTests).Assembly, ["MsmHelpdesk.Web"]));
    }

    [Fact]
    public void ShouldFindAPackageOutsideTheBaseClassLibrary()
    {
        Assert.Equal(["MudBlazor"], ArchitectureRules.OutsideTheBaseClassLibrary(["System.Runtime", "System.Collections", "MudBlazor"]));
        Assert.Contains("FluentValidation", ArchitectureRules.OutsideTheBaseClassLibrary(
            typeof(AppText).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!)));
        Assert.Empty(ArchitectureRules.OutsideTheBaseClassLibrary(typeof(Roles).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!)));
    }

    [Fact]
    public void ShouldFindMisnamedHandlersAndValidatorsAndASecondHandler()
    {
        Type[] wrong = [typeof(PingProcessor), typeof(PingHandler), typeof(PingRules), typeof(PingValidator)];

        Assert.Equal([typeof(PingProcessor).FullName!], ArchitectureRules.HandlersNotNamedHandler(wrong));
        Assert.Equal([typeof(PingRules).FullName!], ArchitectureRules.ValidatorsNotNamedValidator(wrong));
        Assert.Equal(["PingCommand: PingProcessor, PingHandler"], ArchitectureRules.MessagesWithSeveralHandlers(wrong));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Project(string name, params string[] references)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var path = Path.Combine(folder, name + ".csproj");
        var items = string.Concat(references.Select(reference => $"<ProjectReference Include=\"{reference}\" />"));
        File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{items}</ItemGroup></Project>");
        return path;
    }

    public sealed record PingCommand : ICommand<Result>;

    public sealed class PingProcessor : ICommandHandler<PingCommand, Result>
    {
        public ValueTask<Result> Handle(PingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Result.Success());
    }

    public sealed class PingHandler : ICommandHandler<PingCommand, Result>
    {
        public ValueTask<Result> Handle(PingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Result.Success());
    }

    public sealed class PingRules : AbstractValidator<PingCommand>;

    public sealed class PingValidator : AbstractValidator<PingCommand>;
}
