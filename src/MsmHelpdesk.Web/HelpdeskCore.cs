using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common.Behaviours;
using MsmHelpdesk.Infrastructure;

namespace MsmHelpdesk.Web;

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
        services.AddValidatorsFromAssemblyContaining(typeof(AppText), ServiceLifetime.Scoped);
        services.AddSingleton<MsmHelpdesk.Application.Features.Diagnosis.Diagnostician>();
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
