using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Composition;
using MsmHelpdesk.Infrastructure;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Common.Behaviours;

/// <summary>
/// Validators are singletons (decision record 0192): each is built once, from the root provider, so none may depend on a
/// scoped service (the current user, a context) — with scope validation on, resolving such a validator here throws.
/// </summary>
public sealed class ValidatorLifetimeTests
{
    [Fact]
    public void ShouldRegisterEveryValidatorAsASingletonThatTheRootProviderCanBuild()
    {
        var directory = TestPaths.NewTempDirectory();
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.ConnectionString] = $"Data Source={Path.Combine(directory, "helpdesk.db")}" })
                .Build();
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddHelpdeskCore(configuration);
            var validators = services
                .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))
                .ToList();

            Assert.True(validators.Count >= 20, $"found {validators.Count} validators");
            Assert.All(validators, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
            using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            foreach (var validator in validators)
            {
                Assert.NotNull(provider.GetRequiredService(validator.ServiceType));
            }

            // One instance serves every message: the rules are built once.
            Assert.Same(provider.GetRequiredService<IValidator<CreateTicketCommand>>(), provider.GetRequiredService<IValidator<CreateTicketCommand>>());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
