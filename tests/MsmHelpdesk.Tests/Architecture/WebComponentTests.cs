using System.Reflection;
using System.Text.RegularExpressions;
using MsmHelpdesk.Tests.Support;
using MsmHelpdesk.Web.Components.Shared;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>
/// Components reach data only through messages (Application): never through Infrastructure or EF, whose
/// scoped DbContext would be shared by every event of a circuit.
/// </summary>
public sealed partial class WebComponentTests
{
    private static readonly string[] Forbidden = ["MsmHelpdesk.Infrastructure", "Microsoft.EntityFrameworkCore"];

    [Fact]
    public void ShouldKeepComponentSourcesFreeOfInfrastructureAndEf()
    {
        var components = TestPaths.InRepository("src", "MsmHelpdesk.Web", "Components");
        var files = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .ToArray();

        var offences = files
            .SelectMany(file => ForbiddenReferences(File.ReadAllText(file)).Select(found => $"{Path.GetRelativePath(components, file)}: {found}"))
            .ToArray();

        Assert.True(files.Length > 50, $"only {files.Length} component files found under {components}");
        Assert.Empty(offences);
    }

    [Fact]
    public void ShouldDeclareNoGlobalUsingOfInfrastructureOrEfInTheWebProject()
    {
        // A global using anywhere in the project would reach every component without a line in its file.
        var web = TestPaths.InRepository("src", "MsmHelpdesk.Web");
        var globals = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Where(line => line.TrimStart().StartsWith("global using", StringComparison.Ordinal)))
            .Where(line => Forbidden.Any(name => line.Contains(name, StringComparison.Ordinal)));
        var project = File.ReadAllText(Path.Combine(web, "MsmHelpdesk.Web.csproj"));

        Assert.Empty(globals);
        Assert.DoesNotContain(Forbidden, name => project.Contains($"<Using Include=\"{name}", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldKeepComponentTypesFreeOfInfrastructureAndEfTypes()
    {
        var components = typeof(FormErrors).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("MsmHelpdesk.Web.Components", StringComparison.Ordinal) == true)
            .ToArray();

        var offences = components
            .SelectMany(type => SignatureTypes(type).Where(IsForbidden).Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .ToArray();

        Assert.Contains(components, type => type.Name == "TicketPage");
        Assert.Empty(offences);
    }

    [Theory]
    [InlineData("@using MsmHelpdesk.Infrastructure.Identity")]
    [InlineData("using Microsoft.EntityFrameworkCore;")]
    [InlineData("user.FindFirst(MsmHelpdesk.Infrastructure.Identity.HelpdeskClaimsPrincipalFactory.DisplayNameClaim)")]
    [InlineData("@inject global::Microsoft.EntityFrameworkCore.DbContext Db")]
    public void ShouldFindAForbiddenReferenceInComponentSource(string source) =>
        Assert.NotEmpty(ForbiddenReferences($"<p>@L[\"Title\"]</p>\n{source}\n"));

    [Theory]
    [InlineData("@using MsmHelpdesk.Application.Features.Tickets")]
    [InlineData("user.FindFirst(MsmHelpdesk.Application.Common.Identity.HelpdeskClaimTypes.DisplayName)")]
    [InlineData("<MudText>Infrastructure and EntityFrameworkCore are words, not references</MudText>")]
    public void ShouldLetApplicationReferencesAndPlainWordsPass(string source) =>
        Assert.Empty(ForbiddenReferences(source));

    [Fact]
    public void ShouldFindAnEfTypeInAComponentsSignature() =>
        Assert.Contains(SignatureTypes(typeof(ComponentUsingEf)), IsForbidden);

    /// <summary>Namespace-qualified uses of the forbidden namespaces: usings, injections, fully qualified names.</summary>
    private static IEnumerable<string> ForbiddenReferences(string source) =>
        ForbiddenName().Matches(source).Select(match => match.Value);

    [GeneratedRegex(@"\b(MsmHelpdesk\.Infrastructure|Microsoft\.EntityFrameworkCore)(\.\w+)*")]
    private static partial Regex ForbiddenName();

    private static bool IsForbidden(Type type) =>
        Forbidden.Any(name => type.Assembly.GetName().Name!.StartsWith(name, StringComparison.Ordinal));

    /// <summary>Every type a component's declaration mentions: bases, fields (closures' captures too), properties, methods.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            direct.Add(current);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(field => field.FieldType));
        direct.AddRange(type.GetProperties(All).Select(property => property.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
            direct.AddRange(method.GetMethodBody()?.LocalVariables.Select(local => local.LocalType) ?? []);
        }

        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().Where(argument => !argument.IsGenericParameter).SelectMany(Unwrap)] : [type];
    }

    /// <summary>What the rule must catch: a component holding a DbContext.</summary>
    private sealed class ComponentUsingEf
    {
        public Microsoft.EntityFrameworkCore.DbContext? Db { get; set; }
    }
}
