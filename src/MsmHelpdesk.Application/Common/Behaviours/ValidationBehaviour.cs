using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Validation;

namespace MsmHelpdesk.Application.Common.Behaviours;

/// <summary>
/// Normalises the message's input (<see cref="InputNormaliser"/>), runs its FluentValidation validators on what is
/// left, then screens a command's free text for passphrases; failures come back as per-field errors.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var fieldErrors = InputNormaliser.Normalise(message);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                if (!fieldErrors.TryGetValue(failure.PropertyName, out var messages))
                {
                    fieldErrors[failure.PropertyName] = messages = [];
                }

                if (!messages.Contains(failure.ErrorMessage))
                {
                    messages.Add(failure.ErrorMessage);
                }
            }
        }

        foreach (var property in InputNormaliser.PropertiesHoldingSecrets(message, fieldErrors.Keys.ToHashSet(StringComparer.Ordinal)).ToList())
        {
            fieldErrors[property] = [AppText.SecretInText];
        }

        if (fieldErrors.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        return ResultFailure<TResponse>.From(Error.Validation(
            fieldErrors.ToDictionary(field => field.Key, field => field.Value.ToArray(), StringComparer.Ordinal)));
    }
}
