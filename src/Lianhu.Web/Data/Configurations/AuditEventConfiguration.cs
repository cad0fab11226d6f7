using Lianhu.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianhu.Web.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(40).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.Role).HasMaxLength(40);
        builder.Property(e => e.Section).HasMaxLength(120); // every section a read returned: identity,contact,incident,health,children …
        // Reasons can be free text staff typed (a rejected closure, a reopening): encrypted at rest.
        // A forged or foreign ciphertext reads as "unreadable" (its MAC then fails) instead of failing the sealer's query.
        builder.Property(e => e.Reason).IsEncryptedTolerant("audit.reason");
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
        builder.HasIndex(e => e.At);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.ChainIndex).IsUnique();
        builder.Property(e => e.Mac).HasMaxLength(80);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}
