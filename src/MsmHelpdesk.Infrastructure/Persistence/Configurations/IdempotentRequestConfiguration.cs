using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Idempotency;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        // The key is the primary key per scope: two requests racing with one key cannot both be saved.
        request.HasKey(r => new { r.Scope, r.Key });
        request.Property(r => r.Scope).HasMaxLength(IdempotentRequest.MaxScopeLength).IsUnicode(false);
        request.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength).IsUnicode(false);
        request.Property(r => r.RequestHash).HasMaxLength(64).IsUnicode(false);
        request.Property(r => r.ResourceNumber).HasMaxLength(32);
        request.Property(r => r.Location).HasMaxLength(300);
        request.HasIndex(r => r.ExpiresAt);
    }
}
