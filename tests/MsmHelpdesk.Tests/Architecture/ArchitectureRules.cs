using System.Reflection;
using System.Xml.Linq;
using FluentValidation;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>
/// The checks behind the architecture tests, written as functions of their input so that
/// <see cref="ArchitectureRuleSelfTests"/> can show each one failing on a deliberately wrong input.
/// Each returns what breaks the rule; an empty answer means the rule holds.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>Every project <paramref name="project"/> builds on, directly or through another (file names without .csproj).</summary>
    public static IReadOnlySet<string> ReachableProjects(string project)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(ProjectReferencePaths(project));
        while (pending.TryPop(out var next))
        {
            if (seen.Add(Path.GetFileNameWithoutExtension(next)))
            {
                foreach (var reference in ProjectReferencePaths(next))
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    /// <summary>The forbidden projects a project file reaches through its ProjectReferences.</summary>
    public static IEnumerable<string> ForbiddenProjects(string project, IEnumerable<string> forbidden) =>
        ReachableProjects(project).Intersect(forbidden, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    /// <summary>Packages and shared frameworks a project file names itself.</summary>
    public static IEnumerable<string> PackageReferences(string project) =>
        XDocument.Load(project).Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(element => element.Attribute("Include")!.Value);

    /// <summary>
    /// Names of every assembly the compiled <paramref name="root"/> references, and those referenced by our own
    /// assemblies it references in turn: a reference that goes through another of our projects still counts.
    /// </summary>
    public static IReadOnlySet<string> CompiledReferences(Assembly root)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.GetName().Name! };
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                names.Add(reference.Name!);
                if (IsOurs(reference.Name!) && visited.Add(reference.Name!))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return names;
    }

    /// <summary>The forbidden assemblies among <see cref="CompiledReferences"/>.</summary>
    public static IEnumerable<string> ForbiddenAssemblies(Assembly root, IEnumerable<string> forbidden) =>
        CompiledReferences(root).Intersect(forbidden, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    /// <summary>The referenced assemblies that are not part of .NET's own base class library (the Microsoft.NETCore.App framework).</summary>
    public static IEnumerable<string> OutsideTheBaseClassLibrary(IEnumerable<string> assemblyNames)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return assemblyNames.Where(name => !File.Exists(Path.Combine(framework, name + ".dll"))).Order(StringComparer.Ordinal);
    }

    /// <summary>Classes that implement a Mediator handler interface but are not named "…Handler".</summary>
    public static IEnumerable<string> HandlersNotNamedHandler(IEnumerable<Type> types) =>
        types.Where(type => HandledMessages(type).Any() && !type.Name.EndsWith("Handler", StringComparison.Ordinal))
            .Select(type => type.FullName!);

    /// <summary>FluentValidation validators not named "…Validator".</summary>
    public static IEnumerable<string> ValidatorsNotNamedValidator(IEnumerable<Type> types) =>
        types.Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IValidator).IsAssignableFrom(type)
                && !type.Name.EndsWith("Validator", StringComparison.Ordinal))
            .Select(type => type.FullName!);

    /// <summary>Requests, commands and queries with more than one handler (notifications may have several by design).</summary>
    public static IEnumerable<string> MessagesWithSeveralHandlers(IEnumerable<Type> types) =>
        types.SelectMany(type => HandledMessages(type).Where(handled => !handled.IsNotification).Select(handled => (handled.Message, Handler: type)))
            .GroupBy(pair => pair.Message)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.Name}: {string.Join(", ", group.Select(pair => pair.Handler.Name))}");

    /// <summary>The classes of our own assemblies, without what the compiler or the Mediator generator wrote.</summary>
    public static IEnumerable<Type> OurClasses(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsClass && !type.Name.Contains('<', StringComparison.Ordinal)
                && type.Namespace?.StartsWith("MsmHelpdesk", StringComparison.Ordinal) == true);

    private static IEnumerable<(Type Message, bool IsNotification)> HandledMessages(Type type) =>
        type.IsAbstract || type.IsInterface
            ? []
            : type.GetInterfaces()
                .Where(contract => contract.IsGenericType && contract.Namespace == "Mediator" && contract.Name.Contains("Handler", StringComparison.Ordinal))
                .Select(contract => (contract.GetGenericArguments()[0], contract.Name.StartsWith("INotificationHandler", StringComparison.Ordinal)));

    private static bool IsOurs(string assemblyName) =>
        assemblyName.StartsWith("MsmHelpdesk", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> ProjectReferencePaths(string project) =>
        XDocument.Load(project).Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, element.Attribute("Include")!.Value.Replace('\\', '/'))));
}
