using System.Reflection;
using System.Text.RegularExpressions;
using MsmHelpdesk.Application;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>
/// A slice (an area under Application/Features) may send another area's messages and read its result records,
/// but never reaches into its internals: its handlers, its validators or its non-public helpers. What several
/// slices share has a home of its own (Application/Common, or a public type named for what it is).
/// </summary>
public sealed class SliceIsolationTests
{
    private const string FeaturesNamespace = "MsmHelpdesk.Application.Features.";

    [Fact]
    public void ShouldKeepEachSliceOutOfAnotherSlicesHandlersValidatorsAndInternals()
    {
        var features = TestPaths.InRepository("src", "MsmHelpdesk.Application", "Features");
        var internals = InternalsByArea(typeof(AppText).Assembly);
        var sources = Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(features, file), File.ReadAllText);

        var offences = Reaches(internals, sources);

        Assert.True(internals.Count >= 10, $"only {internals.Count} areas found");
        Assert.True(sources.Count > 80, $"only {sources.Count} source files found under {features}");
        Assert.True(offences.Length == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void ShouldFindASliceThatUsesAnotherSlicesHandler()
    {
        var internals = new Dictionary<string, IReadOnlySet<string>>
        {
            ["Tickets"] = new HashSet<string> { "ChangeTicketStatusHandler", "TicketSaves" },
            ["Steps"] = new HashSet<string> { "AddTicketStepHandler" },
        };
        var sources = new Dictionary<string, string>
        {
            [Path.Combine("Steps", "AddTicketStep.cs")] = "return await TicketSaves.SaveAsync(db, id, ct);",
            [Path.Combine("Tickets", "ChangeTicketStatus.cs")] = "var handler = new ChangeTicketStatusHandler(db);",
            [Path.Combine("Visits", "ScheduleKppVisit.cs")] = "// sends ChangeTicketStatusCommand, a public message",
        };

        var offences = Reaches(internals, sources);

        Assert.Equal([$"{Path.Combine("Steps", "AddTicketStep.cs")} uses Tickets.TicketSaves"], offences);
    }

    /// <summary>Handlers, validators and non-public types of each area, by their simple names.</summary>
    private static Dictionary<string, IReadOnlySet<string>> InternalsByArea(Assembly application) =>
        application.GetTypes()
            .Where(type => type.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true)
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) && !type.Name.Contains('<', StringComparison.Ordinal))
            .Where(type => !type.IsNestedPrivate) // the compiler already keeps those in their type
            .Where(type => type.Name.EndsWith("Handler", StringComparison.Ordinal)
                || type.Name.EndsWith("Validator", StringComparison.Ordinal)
                || !(type.IsPublic || type.IsNestedPublic))
            .GroupBy(type => type.Namespace![FeaturesNamespace.Length..].Split('.')[0])
            .ToDictionary(group => group.Key, group => (IReadOnlySet<string>)group.Select(type => type.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal));

    private static string[] Reaches(IReadOnlyDictionary<string, IReadOnlySet<string>> internals, IReadOnlyDictionary<string, string> sourcesByPath) =>
        sourcesByPath
            .SelectMany(source =>
            {
                var area = source.Key.Split(Path.DirectorySeparatorChar)[0];
                return internals
                    .Where(other => other.Key != area)
                    .SelectMany(other => other.Value
                        .Where(name => Regex.IsMatch(source.Value, $@"\b{Regex.Escape(name)}\b"))
                        .Select(name => $"{source.Key} uses {other.Key}.{name}"));
            })
            .Order(StringComparer.Ordinal)
            .ToArray();
}
