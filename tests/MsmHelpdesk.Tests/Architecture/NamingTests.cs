using System.Reflection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Cli;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Tests.Architecture;

/// <summary>A handler is found by its name and its message: "…Handler", "…Validator", and one handler per message.</summary>
public sealed class NamingTests
{
    private static readonly Assembly[] Ours =
    [
        typeof(Roles).Assembly,
        typeof(AppText).Assembly,
        typeof(InfrastructureRegistration).Assembly,
        typeof(HelpdeskCore).Assembly,
        typeof(Program).Assembly,
        typeof(CliApp).Assembly,
    ];

    private static readonly Type[] Classes = ArchitectureRules.OurClasses(Ours).ToArray();

    [Fact]
    public void ShouldEndEveryHandlersNameInHandler()
    {
        Assert.Empty(ArchitectureRules.HandlersNotNamedHandler(Classes));
    }

    [Fact]
    public void ShouldEndEveryValidatorsNameInValidator()
    {
        Assert.Empty(ArchitectureRules.ValidatorsNotNamedValidator(Classes));
    }

    [Fact]
    public void ShouldHandleEachMessageInOnePlace()
    {
        Assert.Empty(ArchitectureRules.MessagesWithSeveralHandlers(Classes));
    }
}
