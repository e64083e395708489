using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>
/// Adds a contact person to a client. A contact with the same phone or e-mail is reused, so one person
/// who serves several clients stays one contact.
/// </summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AddClientContactCommand : ICommand<Result<Guid>>
{
    public Guid ClientId { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed class AddClientContactValidator : AbstractValidator<AddClientContactCommand>
{
    public AddClientContactValidator()
    {
        RuleFor(command => command.Name).RequiredText(FieldLimits.PersonNameMaxLength);
        RuleFor(command => command.Phone)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || PhoneNumber.Normalize(phone) is not null).WithMessage(_ => AppText.PhoneInvalid);
        RuleFor(command => command.Email!)
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage(_ => AppText.EmailInvalid)
            .MaximumLength(FieldLimits.EmailMaxLength).WithMessage(_ => AppText.MaxLength(FieldLimits.EmailMaxLength))
            .When(command => !string.IsNullOrWhiteSpace(command.Email));
        RuleFor(command => command.Phone)
            .Must((command, phone) => !string.IsNullOrWhiteSpace(phone) || !string.IsNullOrWhiteSpace(command.Email))
            .WithMessage(_ => AppText.ContactNeedsReach);
    }
}

public sealed class AddClientContactHandler(IAppDbContextFactory databases, TimeProvider clock) : ICommandHandler<AddClientContactCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(AddClientContactCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        var phone = PhoneNumber.Normalize(command.Phone);
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        var now = clock.GetUtcNow();
        var contact = await db.Contacts.FirstOrDefaultAsync(
            existing => (phone != null && existing.Phone == phone) || (email != null && existing.Email == email), cancellationToken);
        if (contact is null)
        {
            contact = Contact.Create(command.Name, phone, email, now);
            db.Contacts.Add(contact);
        }
        else
        {
            contact.Update(command.Name, phone ?? contact.Phone, email ?? contact.Email);
        }

        client.AddContact(contact, now);
        await db.SaveChangesAsync(cancellationToken);
        return contact.Id;
    }
}
