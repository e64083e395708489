using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.HasKey(c => c.Id);
        client.Property(c => c.Name).HasMaxLength(FieldLimits.ClientNameMaxLength).IsRequired();
        client.Property(c => c.Npwp).HasMaxLength(16).IsUnicode(false).IsRequired();
        client.HasIndex(c => c.Npwp).IsUnique();
        client.HasIndex(c => c.Name);
        client.Property(c => c.Nitku).HasMaxLength(22).IsUnicode(false);
        client.Property(c => c.Kpp).HasMaxLength(FieldLimits.KppMaxLength);
        client.Property(c => c.PassphraseCustodian).HasMaxLength(FieldLimits.PersonNameMaxLength);
        client.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        client.Property(c => c.Version).IsConcurrencyToken();
        client.HasIndex(c => c.CertificateIssuedOn);
        client.HasIndex(c => c.CertificateExpiresOnEntered);
        client.HasIndex(c => c.CoretaxExpiresOn);
        client.Ignore(c => c.CertificateExpiresOn);

        // The last certificate check lives in columns of the client row; nothing of the file or passphrase does.
        client.OwnsOne(c => c.LastCertificateCheck, check =>
        {
            check.Property(c => c.Outcome).HasColumnName("CertificateCheckOutcome").HasConversion<string>().HasMaxLength(20);
            check.Property(c => c.CheckedAt).HasColumnName("CertificateCheckedAt");
            check.Property(c => c.NotBefore).HasColumnName("CertificateCheckNotBefore");
            check.Property(c => c.NotAfter).HasColumnName("CertificateCheckNotAfter");
            check.Property(c => c.SubjectNpwp).HasColumnName("CertificateCheckSubjectNpwp").HasMaxLength(16).IsUnicode(false);
            check.Property(c => c.CheckedById).HasColumnName("CertificateCheckedById").HasMaxLength(450);
            check.Property(c => c.CheckedByName).HasColumnName("CertificateCheckedByName").HasMaxLength(FieldLimits.PersonNameMaxLength + 50);
        });

        client.OwnsMany(c => c.Officers, officer =>
        {
            officer.ToTable("ClientOfficers");
            officer.WithOwner().HasForeignKey("ClientId");
            officer.HasKey(o => o.Id);
            officer.Property(o => o.Name).HasMaxLength(FieldLimits.PersonNameMaxLength).IsRequired();
            officer.Property(o => o.Position).HasMaxLength(FieldLimits.PositionMaxLength);
        });
        client.Navigation(c => c.Officers).HasField("_officers");

        client.HasMany(c => c.Contacts).WithMany(c => c.Clients).UsingEntity("ClientContacts");
        client.Navigation(c => c.Contacts).HasField("_contacts");
    }
}

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.HasKey(c => c.Id);
        contact.Property(c => c.Name).HasMaxLength(FieldLimits.PersonNameMaxLength).IsRequired();
        contact.Property(c => c.Phone).HasMaxLength(FieldLimits.PhoneMaxLength).IsUnicode(false);
        contact.Property(c => c.Email).HasMaxLength(FieldLimits.EmailMaxLength);
        contact.HasIndex(c => c.Phone);
        contact.HasIndex(c => c.Email);
        contact.Navigation(c => c.Clients).HasField("_clients");
    }
}
