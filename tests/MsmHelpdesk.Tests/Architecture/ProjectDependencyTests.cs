using System.Reflection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>
/// Which project may build on which, checked twice: in the project files (ProjectReference, followed through
/// every project) and in the compiled assemblies (what the code really uses, followed through our own assemblies).
/// </summary>
public sealed class ProjectDependencyTests
{
    private const string Domain = "MsmHelpdesk.Domain";
    private const string Application = "MsmHelpdesk.Application";
    private const string Infrastructure = "MsmHelpdesk.Infrastructure";
    private const string Composition = "MsmHelpdesk.Composition";
    private const string Web = "MsmHelpdesk.Web";
    private const string Cli = "MsmHelpdesk.Cli";

    private static readonly Dictionary<string, Assembly> Compiled = new(StringComparer.Ordinal)
    {
        [Domain] = typeof(Roles).Assembly,
        [Application] = typeof(AppText).Assembly,
        [Infrastructure] = typeof(InfrastructureRegistration).Assembly,
        [Composition] = typeof(HelpdeskCore).Assembly,
        [Web] = typeof(Program).Assembly,
        [Cli] = typeof(CliApp).Assembly,
    };

    /// <summary>Each project and what it must never reach: the inner layers know nothing of the outer ones, and no host of another.</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { Domain, [Application, Infrastructure, Composition, Web, Cli, "MsmHelpdesk.Migrations.Sqlite", "MsmHelpdesk.Migrations.SqlServer"] },
        { Application, [Infrastructure, Composition, Web, Cli] },
        { Infrastructure, [Composition, Web, Cli] },
        { Composition, [Web, Cli] },
        { Cli, [Web] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void ShouldNotReferenceAnOuterProjectInTheProjectFile(string project, string[] forbidden)
    {
        Assert.Empty(ArchitectureRules.ForbiddenProjects(ProjectFile(project), forbidden));
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void ShouldNotUseAnOuterProjectInTheCompiledCode(string project, string[] forbidden)
    {
        var assemblyNames = forbidden.Select(name => Compiled.TryGetValue(name, out var assembly) ? assembly.GetName().Name! : name);

        Assert.Empty(ArchitectureRules.ForbiddenAssemblies(Compiled[project], assemblyNames));
    }

    [Fact]
    public void ShouldKeepTheDomainToTheBaseClassLibrary()
    {
        var referenced = Compiled[Domain].GetReferencedAssemblies().Select(reference => reference.Name!);

        Assert.Empty(ArchitectureRules.OutsideTheBaseClassLibrary(referenced));
        Assert.Empty(ArchitectureRules.PackageReferences(ProjectFile(Domain)));
        Assert.Empty(ArchitectureRules.ReachableProjects(ProjectFile(Domain)));
    }

    [Fact]
    public void ShouldBuildTheCliWithoutTheWebProjectOrItsUiLibraries()
    {
        var compiled = ArchitectureRules.CompiledReferences(Compiled[Cli]);

        Assert.DoesNotContain(Web, ArchitectureRules.ReachableProjects(ProjectFile(Cli)));
        Assert.DoesNotContain(compiled, name => name is Web or "MudBlazor" || name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal));
        Assert.Contains(Composition, compiled);
    }

    [Fact]
    public void ShouldRunTheMediatorGeneratorInTheCompositionProjectOnly()
    {
        var projects = Directory.GetFiles(TestPaths.InRepository("src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestPaths.InRepository("db"), "*.csproj", SearchOption.AllDirectories));

        var generating = projects.Where(project => ArchitectureRules.PackageReferences(project).Contains("Mediator.SourceGenerator"))
            .Select(Path.GetFileNameWithoutExtension);

        Assert.Equal([Composition], generating);
    }

    private static string ProjectFile(string project) =>
        TestPaths.InRepository("src", project, project + ".csproj");
}
