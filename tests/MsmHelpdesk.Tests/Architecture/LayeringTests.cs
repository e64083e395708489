using System.Reflection;
using System.Xml.Linq;
using Mediator;
using MsmHelpdesk.Application;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Roles).Assembly;
    private static readonly Assembly Application = typeof(AppText).Assembly;

    [Fact]
    public void ShouldKeepTheDomainFreeOfFrameworks()
    {
        var foreign = Domain.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name is not ("netstandard" or "mscorlib"));

        Assert.Empty(foreign);
        Assert.Empty(ProjectReferences("src/MsmHelpdesk.Domain/MsmHelpdesk.Domain.csproj"));
    }

    [Theory]
    [InlineData("MsmHelpdesk.Infrastructure")]
    [InlineData("MsmHelpdesk.Web")]
    [InlineData("Hangfire")]
    [InlineData("MudBlazor")]
    [InlineData("Microsoft.AspNetCore")]
    public void ShouldKeepTheApplicationLayerOffOuterLayers(string forbidden)
    {
        var compiled = Application.GetReferencedAssemblies().Select(reference => reference.Name!);
        var declared = ProjectReferences("src/MsmHelpdesk.Application/MsmHelpdesk.Application.csproj");

        Assert.DoesNotContain(compiled, name => name.StartsWith(forbidden, StringComparison.Ordinal));
        Assert.DoesNotContain(declared, name => name.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldMakeEveryHandlerPublicAndSealedSoTheCompositionGeneratorFindsIt()
    {
        var handlers = Application.GetTypes()
            .Where(type => type.GetInterfaces().Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>))))
            .ToArray();

        Assert.NotEmpty(handlers);
        Assert.All(handlers, handler => Assert.True(handler.IsPublic && handler.IsSealed, handler.Name));
    }

    /// <summary>Project and package names a project file references.</summary>
    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(TestPaths.InRepository(project.Split('/')))
            .Descendants()
            .Where(element => element.Name.LocalName is "ProjectReference" or "PackageReference" or "FrameworkReference")
            .Select(element => Path.GetFileNameWithoutExtension(element.Attribute("Include")!.Value.Replace('\\', '/')));
}
