using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.ApiKeys;

/// <summary>A key for an integration acting with one role; the plain key is in the result and nowhere else.</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateApiKeyCommand : ICommand<Result<ApiKeyCreated>>
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = Roles.Consultant;
}

/// <summary>The only time <paramref name="Key"/> exists outside the caller's hands: show it once, then drop it.</summary>
public sealed record ApiKeyCreated(Guid Id, string Name, string Role, string Prefix, string Key);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(command => command.Name).RequiredText(FieldLimits.ApiKeyNameMaxLength);
        RuleFor(command => command.Role)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => AppText.RoleRequired)
            .Must(Roles.IsKnown).WithMessage((_, role) => AppText.RoleUnknown(role));
    }
}

public sealed class CreateApiKeyHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, Result<ApiKeyCreated>>
{
    public async ValueTask<Result<ApiKeyCreated>> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        string key, prefix;
        do
        {
            // 36^8 prefixes make a clash all but impossible; the unique index would refuse one anyway.
            key = ApiKeySecret.NewKey();
            prefix = ApiKeySecret.PrefixOf(key)!;
        }
        while (await db.ApiKeys.AnyAsync(k => k.Prefix == prefix, cancellationToken));

        var creator = (await currentUser.GetAsync(cancellationToken)).UserId!;
        var apiKey = ApiKey.Create(command.Name, command.Role, prefix, ApiKeySecret.Hash(key), creator, clock.GetUtcNow());
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreated(apiKey.Id, apiKey.Name, apiKey.Role, apiKey.Prefix, key);
    }
}
