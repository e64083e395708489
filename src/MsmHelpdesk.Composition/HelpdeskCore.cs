using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Behaviours;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Composition;

/// <summary>
/// The composition root shared by the web app and the CLI: persistence, Identity stores, validators and
/// the mediator with its ordered pipeline (logging with timing → authorization → validation → handler).
/// The Mediator source generator runs in this project only, so AddMediator lives here.
/// </summary>
public static class HelpdeskCore
{
    public static IServiceCollection AddHelpdeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHelpdeskPersistence(configuration);
        // Singletons: a validator holds only its rules (its one dependency is the clock), and building a validator's rules
        // per message was 1.8 % of a created ticket's CPU (decision record 0192). ValidatorLifetimeTests keeps them free of
        // scoped dependencies.
        services.AddValidatorsFromAssemblyContaining(typeof(AppText), ServiceLifetime.Singleton);
        services.AddSingleton<Diagnostician>();
        services.AddSingleton<Application.Features.Sla.SlaRulesCache>();
        services.AddSingleton<Application.Features.Calendar.TaxDeadlinesCache>();
        services.AddSingleton<Application.Features.ApiKeys.ApiKeyCache>();
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(AppText)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        return services;
    }
}
